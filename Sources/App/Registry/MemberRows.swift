import Domain
import Fluent
import Foundation
import SQLKit

/// Members as plain rows, read with SQLKit for the set-based registry paths (export, import comparison, data quality):
/// tens of thousands of rows without building a Fluent model for each.
struct MemberRow: Decodable, Sendable {
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

    static let columns = ["id", "household_id", "name", "id_number", "sex", "birth_date", "relation", "ethnicity", "education",
                          "school_status", "health", "disability_grade", "labour_capacity", "work_place", "work_months",
                          "medical_insured", "pension_insured", "minimum_living", "extreme_poverty",
                          "public_welfare_job"]

    var record: MemberRecord? {
        StoredMember.record(
            name: name, idNumber: id_number, sex: sex, birthDate: birth_date, relation: relation, ethnicity: ethnicity,
            education: education, schoolStatus: school_status, health: health, disabilityGrade: disability_grade,
            labourCapacity: labour_capacity, workPlace: work_place, workMonths: work_months, medicalInsured: medical_insured,
            pensionInsured: pension_insured, minimumLiving: minimum_living, extremePoverty: extreme_poverty, publicWelfareJob: public_welfare_job
        )
    }

    /// The present (not departed) members of these households, grouped by household, in batches.
    static func present(inHouseholds ids: [UUID], on database: any Database) async throws -> [UUID: [MemberRow]] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        var result: [UUID: [MemberRow]] = [:]
        for chunk in ids.chunked(into: 1_000) {
            let rows = try await sql.select().columns(columns.map { SQLColumn($0) }).from(Member.schema)
                .where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
                .where(SQLColumn("departed_on"), .is, SQLLiteral.null)
                .all(decoding: MemberRow.self)
            for row in rows { result[row.household_id, default: []].append(row) }
        }
        return result
    }
}
