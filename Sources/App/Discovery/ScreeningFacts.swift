import Domain
import Fluent
import Foundation
import SQLKit

/// Builds the screening facts of a batch of households with a handful of set-based queries: incomes of the two
/// last years, students in higher education, the latest housing and water assessments, department events of the
/// last twelve months.
enum ScreeningFacts {
    struct HouseholdRow: Decodable {
        let id: UUID
        let household_number: String
        let village_code: String
        let member_count: Int
    }

    private struct IncomeRow: Decodable {
        let household_id: UUID
        let period_start: String
        let net_income: Int64
        let per_capita_net: Int64
        let medical_self_pay: Int64
        let schooling_cost: Int64
        let disaster_loss: Int64
        let other_rigid: Int64
    }

    private struct StudentRow: Decodable {
        let household_id: UUID
        let id_number: String
        let school_status: String?
    }

    private struct GuaranteeRow: Decodable {
        let household_id: UUID
        let kind: String
        let assessed_on: String
        let secured: Bool
        let housing_grade: String?
    }

    private struct EventRow: Decodable {
        let household_id: UUID
        let kind: String
        let id_number: String
        let person_name: String
        let event_date: String
        let amount: Int64?
        let grade: String?
        let level: String?
        let note: String
    }

    static func load(_ households: [HouseholdRow], on date: CivilDate, line: (AreaCode) -> Money?, sql: any SQLDatabase) async throws -> [UUID: HouseholdFacts] {
        let ids = households.map(\.id)
        var facts: [UUID: HouseholdFacts] = [:]
        for household in households {
            guard let village = AreaCode(household.village_code) else { continue }
            facts[household.id] = HouseholdFacts(householdNumber: household.household_number, villageCode: village,
                                                  memberCount: household.member_count, monitoringLine: line(village))
        }
        let years = ["\(date.year - 2)-01-01", "\(date.year - 1)-01-01"]
        for row in try await select(IncomeRow.self, from: IncomeRecord.schema, ids: ids, sql: sql, extra: { $0.where(SQLColumn("period_start"), .in, SQLBind.group(years)) }) {
            guard let year = Int(row.period_start.prefix(4)) else { continue }
            facts[row.household_id]?.netIncome[year] = Money(fen: row.net_income)
            facts[row.household_id]?.perCapitaIncome[year] = Money(fen: row.per_capita_net)
            facts[row.household_id]?.rigidSpending[year] = Money(fen: row.medical_self_pay + row.schooling_cost + row.disaster_loss + row.other_rigid)
        }
        let higher = SchoolStatus.allCases.filter(\.isHigherEducation).map(\.rawValue)
        for row in try await select(StudentRow.self, from: Member.schema, ids: ids, sql: sql, extra: {
            $0.where(SQLColumn("school_status"), .in, SQLBind.group(higher)).where(SQLColumn("departed_on"), .is, SQLLiteral.null)
        }) {
            facts[row.household_id]?.membersInHigherEducation += 1
            facts[row.household_id]?.higherEducationIDNumbers.insert(row.id_number)
        }
        var latest: [String: GuaranteeRow] = [:]
        for row in try await select(GuaranteeRow.self, from: GuaranteeRecord.schema, ids: ids, sql: sql, extra: {
            $0.where(SQLColumn("kind"), .in, SQLBind.group([GuaranteeKind.housingSafety.rawValue, GuaranteeKind.drinkingWater.rawValue]))
        }) {
            let key = "\(row.household_id)|\(row.kind)"
            if let current = latest[key], current.assessed_on >= row.assessed_on { continue }
            latest[key] = row
        }
        for row in latest.values {
            if row.kind == GuaranteeKind.housingSafety.rawValue {
                facts[row.household_id]?.housingGrade = row.housing_grade.flatMap(HousingSafetyGrade.init(rawValue:))
            } else {
                facts[row.household_id]?.waterSecured = row.secured
            }
        }
        let windowStart = date.adding(days: -366).description
        for row in try await select(EventRow.self, from: DepartmentEventRecord.schema, ids: ids, sql: sql, extra: {
            $0.where(SQLColumn("event_date"), .greaterThanOrEqual, SQLBind(windowStart))
        }) {
            guard let kind = DepartmentEventKind(rawValue: row.kind), let eventDate = CivilDate(row.event_date) else { continue }
            facts[row.household_id]?.events.append(DepartmentEvent(
                kind: kind, idNumber: row.id_number, memberName: row.person_name, eventDate: eventDate,
                amount: row.amount.map { Money(fen: $0) }, grade: row.grade, level: row.level, note: row.note
            ))
        }
        return facts
    }

    private static func select<Row: Decodable>(
        _ type: Row.Type, from table: String, ids: [UUID], sql: any SQLDatabase,
        extra: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [Row] {
        var rows: [Row] = []
        for chunk in ids.chunked(into: 1_000) {
            let query = sql.select().column(SQLLiteral.all).from(table).where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
            rows += try await extra(query).all(decoding: Row.self)
        }
        return rows
    }
}
