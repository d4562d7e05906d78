import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Members as plain rows, read with SQLKit for the set-based registry paths (export, import comparison, data quality):
/// tens of thousands of rows without building a Fluent model for each.
struct MemberRow: Sendable {
    let id: UUID
    let household_id: UUID
    let name: String
    let id_number: String
    let sex: String
    let birth_date: String
    let relation: String
    let ethnicity: String
    let education: String
    let school_status: String?
    let health: String
    let disability_grade: Int?
    let labour_capacity: String
    let work_place: String?
    let work_months: Int?
    let medical_insured: Bool
    let pension_insured: Bool
    let minimum_living: Bool
    let extreme_poverty: Bool
    let public_welfare_job: Bool

    static let columns = [
        "id", "household_id", "name", "id_number", "sex", "birth_date", "relation", "ethnicity", "education",
        "school_status", "health", "disability_grade", "labour_capacity", "work_place", "work_months",
        "medical_insured", "pension_insured", "minimum_living", "extreme_poverty",
        "public_welfare_job",
    ]

    var record: MemberRecord? {
        StoredMember.record(
            name: name, idNumber: id_number, sex: sex, birthDate: birth_date, relation: relation, ethnicity: ethnicity,
            education: education, schoolStatus: school_status, health: health, disabilityGrade: disability_grade,
            labourCapacity: labour_capacity, workPlace: work_place, workMonths: work_months,
            medicalInsured: medical_insured,
            pensionInsured: pension_insured, minimumLiving: minimum_living, extremePoverty: extreme_poverty,
            publicWelfareJob: public_welfare_job
        )
    }

    /// The present (not departed) members of these households, grouped by household, in one statement (the ids
    /// bound as one value, `BoundIDList`) that returns them packed into one text (`PackedRecords`): a batch of a few
    /// thousand members row by row through the driver cost more than reading and checking them.
    static func present(inHouseholds ids: [UUID], on database: any Database) async throws -> [UUID: [MemberRow]] {
        guard let sql = database as? any SQLDatabase, !ids.isEmpty else { return [:] }
        let rows = try await PackedRecords.rows(
            columns.map { "\(ident: $0)" },
            from: """
                members WHERE \(BoundIDList(ids, sql: sql).contains("household_id")) AND departed_on IS NULL
                """, sql: sql)
        var result: [UUID: [MemberRow]] = [:]
        for fields in rows {
            guard let member = MemberRow(packed: fields) else {
                throw Abort(
                    .internalServerError, reason: "members row unreadable: \(fields.prefix(2).map { $0 ?? "" })")
            }
            result[member.household_id, default: []].append(member)
        }
        return result
    }

    /// A member from its `columns` as packed text: UUIDs hyphenated, flags `1`/`0` (SQLite) or `true`/`false`
    /// (PostgreSQL), numbers in digits.
    init?(packed fields: [String?]) {
        func flag(_ index: Int) -> Bool? {
            switch fields[index] {
            case "1", "true", "t": true
            case "0", "false", "f": false
            default: nil
            }
        }
        func number(_ index: Int) -> Int?? {
            guard let text = fields[index] else { return .some(nil) }
            return Int(text).map { .some($0) }
        }
        guard fields.count == Self.columns.count,
            let id = fields[0].flatMap({ Hex.uuid($0.lowercased().utf8) }),
            let household = fields[1].flatMap({ Hex.uuid($0.lowercased().utf8) }),
            let name = fields[2], let idNumber = fields[3], let sex = fields[4], let birthDate = fields[5],
            let relation = fields[6],
            let ethnicity = fields[7], let education = fields[8], let health = fields[10], let disability = number(11),
            let labour = fields[12], let workMonths = number(14), let medical = flag(15), let pension = flag(16),
            let minimum = flag(17), let extreme = flag(18), let welfare = flag(19)
        else { return nil }
        (self.id, household_id, self.name, id_number, self.sex, birth_date, self.relation) = (
            id, household, name, idNumber, sex, birthDate, relation
        )
        (self.ethnicity, self.education, school_status, self.health, disability_grade) = (
            ethnicity, education, fields[9], health, disability
        )
        (labour_capacity, work_place, work_months) = (labour, fields[13], workMonths)
        (medical_insured, pension_insured, minimum_living, extreme_poverty, public_welfare_job) = (
            medical, pension, minimum, extreme, welfare
        )
    }
}
