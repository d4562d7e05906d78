import Domain
import Foundation
import SQLKit

extension RegistryStagingStore {
    private struct NumberRow: Decodable {
        let household_number: String
    }

    /// A staged row as the domain reads it again: the registry's values, typed as stored.
    private struct StagedRow: Decodable {
        let sheet_row: Int
        let household_number: String
        let id_number: String
        let relation: String?
        let village_code: String?
        let group_code: String?
        let grid_code: String?
        let household_type: String?
        let alleviated_year: Int?
        let phone: String?
        let address: String?
        let bank_account: String?
        let name: String?
        let sex: String?
        let birth_date: String?
        let ethnicity: String?
        let education: String?
        let school_status: String?
        let health: String?
        let disability_grade: Int?
        let labour_capacity: String?
        let work_place: String?
        let work_months: Int?
        let medical_insured: Bool?
        let pension_insured: Bool?
        let minimum_living: Bool?
        let extreme_poverty: Bool?
        let public_welfare_job: Bool?

        var fields: HouseholdFields? {
            guard let village = village_code.flatMap(AreaCode.init),
                let type = household_type.flatMap(HouseholdType.init(rawValue:)),
                let address
            else { return nil }
            return HouseholdFields(
                number: household_number, villageCode: village, groupCode: group_code.flatMap(AreaCode.init),
                gridCode: grid_code.flatMap(AreaCode.init), type: type, alleviatedYear: alleviated_year,
                phone: phone, address: address, bankAccount: bank_account)
        }

        var member: MemberRecord? {
            guard let relation, let name, let sex, let birth_date, let ethnicity, let education, let health,
                let labour_capacity
            else { return nil }
            return StoredMember.record(
                name: name, idNumber: id_number, sex: sex, birthDate: birth_date, relation: relation,
                ethnicity: ethnicity,
                education: education, schoolStatus: school_status, health: health, disabilityGrade: disability_grade,
                labourCapacity: labour_capacity, workPlace: work_place, workMonths: work_months,
                medicalInsured: medical_insured == true, pensionInsured: pension_insured == true,
                minimumLiving: minimum_living == true,
                extremePoverty: extreme_poverty == true, publicWelfareJob: public_welfare_job == true
            )
        }
    }

    /// The next page of the households that differ from the registry (`classify` marked them), after household
    /// number `after`, in household-number order, each with all its rows in file order. Nil when none is left.
    func changedHouseholds(after: String) async throws -> (drafts: [HouseholdDraft], last: String)? {
        let bound = try await sql.raw(
            """
            SELECT household_number FROM \(ident: Self.householdTable)
            WHERE status = \(bind: HouseholdStatus.changed.rawValue) AND household_number > \(bind: after)
            ORDER BY household_number LIMIT 1 OFFSET \(unsafeRaw: String(householdsPerPage - 1))
            """
        ).first(decoding: NumberRow.self)?.household_number
        var upper: SQLQueryString = ""
        if let bound { upper = "AND f.household_number <= \(bind: bound)" }
        let columns =
            (["sheet_row", "household_number", "id_number", "relation"] + Self.householdValueColumns
            + Self.memberValueColumns)
            .map { "r.\($0)" }.joined(separator: ", ")
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM \(ident: Self.householdTable) f
            JOIN \(ident: Self.table) r ON r.household_number = f.household_number
            WHERE f.status = \(bind: HouseholdStatus.changed.rawValue) AND f.household_number > \(bind: after) \(upper)
            ORDER BY r.household_number, r.sheet_row
            """
        ).all(decoding: StagedRow.self)
        guard let last = rows.last?.household_number else { return nil }
        var drafts: [HouseholdDraft] = []
        var start = rows.startIndex
        while start < rows.endIndex {
            var end = start + 1
            while end < rows.endIndex, rows[end].household_number == rows[start].household_number { end += 1 }
            let household = rows[start..<end]
            defer { start = end }
            guard let fields = household.first?.fields else { continue }
            let members = household.compactMap(\.member)
            guard members.count == household.count else { continue }
            drafts.append(HouseholdDraft(fields: fields, members: members, rows: household.map(\.sheet_row)))
        }
        return (drafts, last)
    }
}
