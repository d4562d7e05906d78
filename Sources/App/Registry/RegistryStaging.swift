import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// The rows of an import file held in a temporary table on the import's connection (temporary tables belong to
/// their connection), so that the checks across rows run as set-based SQL and memory stays flat however long the
/// file is: one head per household, household fields alike on every row, an identity number once in the file. The
/// households are then read back a page at a time, complete, to be compared with the registry and applied.
struct RegistryStaging {
    static let table = "registry_import_rows"
    let database: any Database
    private let sql: any SQLDatabase
    let householdsPerPage: Int

    init(on database: any Database, householdsPerPage: Int) throws {
        self.householdsPerPage = max(householdsPerPage, 1)
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "registry import needs an SQL database") }
        self.database = database
        self.sql = sql
    }

    /// A row's keys for the checks across rows, and its typed values packed into one text (`StagedValues`): one
    /// value to bind and store per row instead of twenty-seven.
    static let columns = ["sheet_row", "household_number", "id_number", "relation", "household_key", "cross_key", "payload"]

    func create() async throws {
        if sql.dialect.name == "sqlite" {
            // The temporary schema has a cache of its own (2 MB by default): as large as the main one, for the indexes.
            try await sql.raw("PRAGMA temp.cache_size = -65536").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.table)").run()
        let definitions = Self.columns.map { "\($0) \($0 == "sheet_row" ? "BIGINT" : "TEXT")" }.joined(separator: ", ")
        try await sql.raw("CREATE TEMPORARY TABLE \(ident: Self.table) (\(unsafeRaw: definitions))").run()
    }

    /// Indexes built once the rows are in: faster than keeping them up to date row by row.
    func index() async throws {
        try await sql.raw("CREATE INDEX registry_import_rows_household ON \(ident: Self.table) (household_number, sheet_row)").run()
        try await sql.raw("CREATE INDEX registry_import_rows_identity ON \(ident: Self.table) (id_number)").run()
        // Temporary tables are never analysed automatically (PostgreSQL's autovacuum skips them): without statistics
        // the planner may scan and sort the whole table for every page.
        try await sql.raw("ANALYZE \(ident: Self.table)").run()
    }

    func drop() async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.table)").run()
    }

    /// Every non-empty row, with its typed values where the row has no problem of its own.
    func insert(_ readings: [RegistryRowReading]) async throws {
        let rows = readings.map { reading -> [any Encodable & Sendable] in
            var payload: String?
            if reading.problems.isEmpty, let fields = reading.household, let member = reading.member {
                payload = StagedValues.pack([
                    fields.number, fields.villageCode.value, fields.groupCode?.value, fields.gridCode?.value, fields.type.rawValue,
                    fields.alleviatedYear.map(String.init), fields.phone, fields.address, fields.bankAccount,
                    member.name, member.idNumber, member.sex.rawValue, member.birthDate.description, member.ethnicity,
                    member.education.rawValue, member.schoolStatus?.rawValue,
                    HealthCondition.allCases.filter(member.health.contains).map(\.rawValue).joined(separator: ","),
                    member.disabilityGrade.map(String.init), member.labourCapacity.rawValue, member.workPlace, member.workMonths.map(String.init),
                    member.medicalInsured ? "1" : "0", member.pensionInsured ? "1" : "0", member.minimumLiving ? "1" : "0",
                    member.extremePoverty ? "1" : "0", member.publicWelfareJob ? "1" : "0",
                ])
            }
            return [reading.row, reading.text(.householdNumber), reading.text(.idNumber), reading.relationCode, reading.householdKey,
                    reading.crossRowKey, payload]
        }
        try await BulkInsert.insert(into: Self.table, columns: Self.columns, rows: rows, on: database)
    }

    private struct KeyRow: Decodable {
        let sheet_row: Int
        let cross_key: String
    }

    /// The checks across rows, on the rows of suspect households and identity numbers only (found by grouping in
    /// SQL), with the domain's messages: households first, then identity numbers.
    func crossRowProblems() async throws -> [ImportProblem] {
        let households = try await sql.raw("""
            SELECT sheet_row, cross_key FROM \(ident: Self.table) WHERE household_number IN (
              SELECT household_number FROM \(ident: Self.table) WHERE household_number <> '' GROUP BY household_number
              HAVING COUNT(DISTINCT household_key) > 1
                  OR SUM(CASE WHEN relation = \(bind: RelationToHead.head.rawValue) THEN 1 ELSE 0 END) <> 1
                  OR SUM(CASE WHEN relation = \(bind: RelationToHead.spouse.rawValue) THEN 1 ELSE 0 END) > 1)
            ORDER BY sheet_row
            """).all(decoding: KeyRow.self)
        let identities = try await sql.raw("""
            SELECT sheet_row, cross_key FROM \(ident: Self.table) WHERE id_number IN (
              SELECT id_number FROM \(ident: Self.table) WHERE id_number <> '' GROUP BY id_number HAVING COUNT(*) > 1)
            ORDER BY sheet_row
            """).all(decoding: KeyRow.self)
        return RegistryBlockCheck.householdProblems(households.map { ($0.sheet_row, $0.cross_key) })
            + RegistryBlockCheck.duplicateIdentityProblems(identities.map { ($0.sheet_row, $0.cross_key) })
    }

    private struct NumberRow: Decodable {
        let household_number: String
    }

    private struct StagedRow: Decodable {
        let sheet_row: Int
        let household_number: String
        let relation: String?
        let payload: String?

        var values: [String?]? { payload.map(StagedValues.unpack) }

        var fields: HouseholdFields? {
            guard let values, values.count == StagedValues.count, let number = values[0], let village = values[1].flatMap(AreaCode.init),
                  let type = values[4].flatMap(HouseholdType.init(rawValue:)), let address = values[7] else { return nil }
            return HouseholdFields(number: number, villageCode: village, groupCode: values[2].flatMap(AreaCode.init),
                                   gridCode: values[3].flatMap(AreaCode.init), type: type, alleviatedYear: values[5].flatMap { Int($0) },
                                   phone: values[6], address: address, bankAccount: values[8])
        }

        var member: MemberRecord? {
            guard let values, values.count == StagedValues.count, let relation, let name = values[9], let id = values[10], let sex = values[11],
                  let birth = values[12], let ethnicity = values[13], let education = values[14], let health = values[16],
                  let labour = values[18] else { return nil }
            return StoredMember.record(
                name: name, idNumber: id, sex: sex, birthDate: birth, relation: relation, ethnicity: ethnicity,
                education: education, schoolStatus: values[15], health: health, disabilityGrade: values[17].flatMap { Int($0) },
                labourCapacity: labour, workPlace: values[19], workMonths: values[20].flatMap { Int($0) },
                medicalInsured: values[21] == "1", pensionInsured: values[22] == "1", minimumLiving: values[23] == "1",
                extremePoverty: values[24] == "1", publicWelfareJob: values[25] == "1"
            )
        }
    }

    /// The next page of households after household number `after` (in household-number order), each with all its
    /// rows in file order; only households none of whose rows has a problem (`troubled`) become drafts. Nil when
    /// no household is left.
    func households(after: String, troubled: Set<Int>) async throws -> (drafts: [HouseholdDraft], last: String)? {
        let bound = try await sql.raw("""
            SELECT DISTINCT household_number FROM \(ident: Self.table) WHERE household_number > \(bind: after)
            ORDER BY household_number LIMIT 1 OFFSET \(unsafeRaw: String(householdsPerPage - 1))
            """).first(decoding: NumberRow.self)?.household_number
        var upper: SQLQueryString = ""
        if let bound { upper = "AND household_number <= \(bind: bound)" }
        let rows = try await sql.raw("""
            SELECT sheet_row, household_number, relation, payload FROM \(ident: Self.table) WHERE household_number > \(bind: after) \(upper)
            ORDER BY household_number, sheet_row
            """).all(decoding: StagedRow.self)
        guard let last = rows.last?.household_number else { return nil }
        var drafts: [HouseholdDraft] = []
        var start = rows.startIndex
        while start < rows.endIndex {
            var end = start + 1
            while end < rows.endIndex, rows[end].household_number == rows[start].household_number { end += 1 }
            let household = rows[start..<end]
            defer { start = end }
            guard !household.contains(where: { troubled.contains($0.sheet_row) }), let fields = household.first?.fields else { continue }
            let members = household.compactMap(\.member)
            guard members.count == household.count else { continue }
            drafts.append(HouseholdDraft(fields: fields, members: members, rows: household.map(\.sheet_row)))
        }
        return (drafts, last)
    }
}

/// The typed values of a staged row, packed into one text by `PackedRecords`.
enum StagedValues {
    static let count = 26

    static func pack(_ values: [String?]) -> String { PackedRecords.pack(values) }

    static func unpack(_ text: String) -> [String?] { PackedRecords.unpack(text) ?? [] }
}
