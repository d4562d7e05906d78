import Domain
import Fluent
import Foundation
import SQLKit

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

    /// The present (not departed) members of these households, grouped by household, in one statement (the ids
    /// bound as one value, `BoundIDList`), each row read by its columns rather than through `Decodable`.
    static func present(inHouseholds ids: [UUID], on database: any Database) async throws -> [UUID: [MemberRow]] {
        guard let sql = database as? any SQLDatabase, !ids.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM members
            WHERE \(BoundIDList(ids, sql: sql).contains("household_id")) AND departed_on IS NULL
            """).all()
        var result: [UUID: [MemberRow]] = [:]
        for row in rows {
            let member = try MemberRow(row)
            result[member.household_id, default: []].append(member)
        }
        return result
    }

    init(_ row: any SQLRow) throws {
        id = try row.value("id")
        household_id = try row.value("household_id")
        name = try row.value("name")
        id_number = try row.value("id_number")
        sex = try row.value("sex")
        birth_date = try row.value("birth_date")
        relation = try row.value("relation")
        ethnicity = try row.value("ethnicity")
        education = try row.value("education")
        school_status = try row.optional("school_status")
        health = try row.value("health")
        disability_grade = try row.optional("disability_grade")
        labour_capacity = try row.value("labour_capacity")
        work_place = try row.optional("work_place")
        work_months = try row.optional("work_months")
        medical_insured = try row.value("medical_insured")
        pension_insured = try row.value("pension_insured")
        minimum_living = try row.value("minimum_living")
        extreme_poverty = try row.value("extreme_poverty")
        public_welfare_job = try row.value("public_welfare_job")
    }
}
