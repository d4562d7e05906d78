import DemoData
import Domain
import Fluent
import Foundation

/// Writes a generated population with multi-row inserts, a village at a time inside one transaction per batch.
enum DemoWriter {
    static func writeAreas(_ population: DemoPopulation, on database: any Database) async throws {
        let now = Date()
        var rows: [[any Encodable & Sendable]] = []
        for village in population.villages {
            rows.append([
                UUID(), village.code.value, village.name, AreaLevel.village.rawValue, village.township.code.value,
                Area.localCodeSystem, now, now,
            ])
            for sub in village.groups + village.grids {
                rows.append([
                    UUID(), sub.code.value, sub.name, sub.code.level.rawValue, village.code.value, Area.localCodeSystem,
                    now, now,
                ])
            }
        }
        let finished = rows
        try await database.transaction { database in
            try await BulkInsert.insert(
                into: Area.schema,
                columns: ["id", "code", "name", "level", "parent_code", "code_system", "created_at", "updated_at"],
                rows: finished, on: database)
        }
    }

    static let householdColumns = [
        "id", "household_number", "village_code", "group_code", "grid_code", "head_name", "household_type",
        "alleviated_year", "member_count", "phone", "address", "bank_account", "monitoring_status", "version",
        "created_at", "updated_at",
    ]
    static let memberColumns = [
        "id", "household_id", "name", "id_number", "sex", "birth_date", "relation", "ethnicity", "education",
        "school_status",
        "health", "disability_grade", "labour_capacity", "work_place", "work_months", "medical_insured",
        "pension_insured",
        "minimum_living", "extreme_poverty", "public_welfare_job", "created_at", "updated_at",
    ]
    static let incomeColumns = [
        "id", "household_id", "period_start", "period_end", "wage", "business", "property", "transfer",
        "production_costs",
        "medical_self_pay", "schooling_cost", "disaster_loss", "other_rigid", "member_count", "net_income",
        "per_capita_net", "source", "created_at",
    ]

    static let guaranteeColumns = [
        "id", "household_id", "kind", "assessed_on", "secured", "housing_grade", "water_quantity", "water_quality",
        "water_convenience", "water_reliability", "note", "recorded_by", "created_at",
    ]

    /// Returns the number of households and people written.
    static func writeHouseholds(_ population: DemoPopulation, on database: any Database) async throws -> (Int, Int) {
        var issued = IssuedIdentityNumbers()
        let perVillage = population.householdsPerVillage()
        let now = Date()
        var totals = (households: 0, people: 0)
        var batch = Batch()
        for index in population.villages.indices {
            for household in population.households(ofVillageAt: index, count: perVillage[index], issued: &issued) {
                guard let head = household.head else { continue }
                batch.add(household, head: head, now: now)
                totals.households += 1
                totals.people += household.members.count
            }
            if batch.households.count >= 5_000 || index == population.villages.count - 1 {
                try await batch.flush(on: database)
            }
        }
        try await batch.flush(on: database)
        return totals
    }

    private struct Batch {
        var households: [[any Encodable & Sendable]] = []
        var members: [[any Encodable & Sendable]] = []
        var incomes: [[any Encodable & Sendable]] = []
        var guarantees: [[any Encodable & Sendable]] = []

        mutating func add(_ household: DemoHousehold, head: DemoMember, now: Date) {
            households.append([
                household.id, household.number, household.villageCode.value, household.groupCode?.value,
                household.gridCode?.value,
                head.name, household.type.rawValue, household.alleviatedYear, household.members.count, household.phone,
                household.address, household.bankAccount, household.status.rawValue, 1, now, now,
            ])
            for member in household.members {
                members.append([
                    member.id, household.id, member.name, member.identityNumber.value, member.sex.rawValue,
                    member.birthDate.description,
                    member.relation.rawValue, "汉族", member.education.rawValue, member.schoolStatus?.rawValue,
                    member.health.map(\.rawValue).joined(separator: ","), member.disabilityGrade,
                    member.labour.rawValue,
                    member.workPlace, member.workMonths, member.medicalInsured, member.pensionInsured,
                    member.minimumLiving, member.extremePoverty, member.publicWelfareJob, now, now,
                ])
            }
            for income in household.incomes {
                let statement = income.statement
                incomes.append([
                    UUID(), household.id, "\(income.year)-01-01", "\(income.year)-12-31", statement.wage.fen,
                    statement.business.fen,
                    statement.property.fen, statement.transfer.fen, statement.productionCosts.fen,
                    statement.rigidSpending.medicalSelfPay.fen, statement.rigidSpending.schooling.fen,
                    statement.rigidSpending.disasterLoss.fen, statement.rigidSpending.other.fen, statement.members,
                    income.summary.netIncome.fen, income.summary.perCapitaNetIncome.fen, "demo", now,
                ])
            }
            for assessment in household.guarantees {
                guarantees.append([
                    UUID(), household.id, assessment.kind.rawValue, assessment.assessedOn.description,
                    assessment.isSecured,
                    assessment.housingGrade?.rawValue, assessment.water?.enoughQuantity,
                    assessment.water?.qualityTested,
                    assessment.water?.convenient, assessment.water?.reliable, assessment.note, "demo", now,
                ])
            }
        }

        mutating func flush(on database: any Database) async throws {
            guard !households.isEmpty else { return }
            let (h, m, i, g) = (households, members, incomes, guarantees)
            try await database.transaction { database in
                try await BulkInsert.insert(
                    into: Household.schema, columns: DemoWriter.householdColumns, rows: h, on: database)
                try await BulkInsert.insert(
                    into: Member.schema, columns: DemoWriter.memberColumns, rows: m, on: database)
                try await BulkInsert.insert(
                    into: IncomeRecord.schema, columns: DemoWriter.incomeColumns, rows: i, on: database)
                try await BulkInsert.insert(
                    into: GuaranteeRecord.schema, columns: DemoWriter.guaranteeColumns, rows: g, on: database)
            }
            households = []
            members = []
            incomes = []
            guarantees = []
        }
    }
}
