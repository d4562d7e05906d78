import Domain
import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// The rows of an import file held in a temporary table on the import's connection (temporary tables belong to
/// their connection), so that the checks across rows, the comparison with the registry and the writing of new
/// households run as set-based SQL and memory stays flat however long the file is. Each clean row is staged with
/// its values typed as the registry stores them, so new households go to the registry by INSERT … SELECT with the
/// ids drawn for the import (`StagingIDs`: a member's from its row, a household's and its audit record's from the
/// household's first row).
struct RegistryStagingStore {
    static let table = "registry_import_rows"
    let database: any Database
    let sql: any SQLDatabase
    let householdsPerPage: Int
    let ids = StagingIDs()
    var isPostgres: Bool { sql.engine == .postgresql }

    init(on database: any Database, householdsPerPage: Int) throws {
        self.householdsPerPage = max(householdsPerPage, 1)
        guard let sql = database as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "registry import needs an SQL database")
        }
        self.database = database
        self.sql = sql
    }

    /// The keys of the checks across rows, then the registry's values (NULL on a row with a problem of its own).
    static let keyColumns = ["sheet_row", "household_number", "id_number", "relation", "household_key", "cross_key"]
    static let householdValueColumns = [
        "village_code", "group_code", "grid_code", "household_type", "alleviated_year", "phone", "address",
        "bank_account",
    ]
    static let memberValueColumns = [
        "name", "sex", "birth_date", "ethnicity", "education", "school_status", "health", "disability_grade",
        "labour_capacity", "work_place", "work_months", "medical_insured", "pension_insured", "minimum_living",
        "extreme_poverty", "public_welfare_job",
    ]
    static let columns = keyColumns + householdValueColumns + memberValueColumns
    static let integerColumns: Set = ["sheet_row", "alleviated_year", "disability_grade", "work_months"]
    static let flagColumns: Set = [
        "medical_insured", "pension_insured", "minimum_living", "extreme_poverty", "public_welfare_job",
    ]

    /// The column type as the registry tables have it on this engine.
    private func type(of column: String) -> String {
        if Self.integerColumns.contains(column) { return "BIGINT" }
        if Self.flagColumns.contains(column) { return isPostgres ? "BOOLEAN" : "INTEGER" }
        return "TEXT"
    }

    func create() async throws {
        if !isPostgres {
            // The temporary schema has a cache of its own (2 MB by default): as large as the main one, for the indexes.
            try await sql.raw("PRAGMA temp.cache_size = -65536").run()
        }
        try await drop()
        let definitions = Self.columns.map { "\($0) \(type(of: $0))" }.joined(separator: ", ")
        try await sql.raw("CREATE TEMPORARY TABLE \(ident: Self.table) (\(unsafeRaw: definitions))").run()
        try await createHouseholdTable()
    }

    /// Indexes built once the rows are in: faster than keeping them up to date row by row.
    func index() async throws {
        try await sql.raw(
            "CREATE INDEX registry_import_rows_household ON \(ident: Self.table) (household_number, sheet_row)"
        ).run()
        try await sql.raw("CREATE INDEX registry_import_rows_identity ON \(ident: Self.table) (id_number)").run()
        // Temporary tables are never analysed automatically (PostgreSQL's autovacuum skips them): without statistics
        // the planner may scan and sort the whole table for every page.
        try await sql.raw("ANALYZE \(ident: Self.table)").run()
    }

    func drop() async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.table)").run()
        try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.householdTable)").run()
        try await sql.raw("DROP TABLE IF EXISTS \(ident: Self.troubledTable)").run()
    }

    /// Every non-empty row, with its typed values where the row has no problem of its own (`cells(of:)`, built
    /// beforehand so that it can be done on another thread while the previous block is written).
    func insert(_ rows: [[StagedCell]]) async throws {
        if let sqlite = database as? any SQLiteDatabase {
            try await insert(rows, on: sqlite)
        } else if try await !copy(rows) {
            try await BulkInsert.insert(
                into: Self.table, columns: Self.columns, rows: rows.map { $0.map(\.encodable) }, on: database)
        }
    }

    /// A row as staged: its keys, then its values typed as the registry stores them (NULL where it has a problem).
    static func cells(of reading: RegistryRowReading) -> [StagedCell] {
        var cells: [StagedCell] = [
            .integer(reading.row), .text(reading.text(.householdNumber)), .text(reading.text(.idNumber)),
            .text(reading.relationCode),
            .text(reading.householdKey), .text(reading.crossRowKey),
        ]
        cells.reserveCapacity(columns.count)
        guard reading.problems.isEmpty, let fields = reading.household, let member = reading.member else {
            cells += Array(repeating: .text(nil), count: householdValueColumns.count + memberValueColumns.count)
            return cells
        }
        cells += [
            .text(fields.villageCode.value), .text(fields.groupCode?.value), .text(fields.gridCode?.value),
            .text(fields.type.rawValue),
            .integer(fields.alleviatedYear), .text(fields.phone), .text(fields.address), .text(fields.bankAccount),
            .text(member.name), .text(member.sex.rawValue), .text(member.birthDate.description),
            .text(member.ethnicity),
            .text(member.education.rawValue), .text(member.schoolStatus?.rawValue),
            .text(HealthCondition.allCases.filter(member.health.contains).map(\.rawValue).joined(separator: ",")),
            .integer(member.disabilityGrade), .text(member.labourCapacity.rawValue), .text(member.workPlace),
            .integer(member.workMonths),
            .flag(member.medicalInsured), .flag(member.pensionInsured), .flag(member.minimumLiving),
            .flag(member.extremePoverty),
            .flag(member.publicWelfareJob),
        ]
        return cells
    }

    /// On SQLite the cells go to the driver as stored, one statement text per batch size (see `BulkInsert`).
    private func insert(_ rows: [[StagedCell]], on sqlite: any SQLiteDatabase) async throws {
        let perStatement = max(1, BulkInsert.maximumBindsPerStatement / Self.columns.count)
        let tuple = "(" + Array(repeating: "?", count: Self.columns.count).joined(separator: ", ") + ")"
        let prefix = "INSERT INTO \"\(Self.table)\" (\(Self.columns.joined(separator: ", "))) VALUES "
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * Self.columns.count)
            for row in rows[start..<end] { for cell in row { binds.append(cell.sqlite) } }
            let statement = prefix + Array(repeating: tuple, count: end - start).joined(separator: ", ")
            _ = try await sqlite.query(statement, binds).get()
            start = end
        }
    }

    /// A staged row's number and the key the checks across rows compare.
    struct KeyRow: Decodable {
        let sheet_row: Int
        let cross_key: String
    }

    /// The rows the checks across rows look at, found by grouping in SQL: the rows of suspect households and of
    /// repeated identity numbers, each in row order.
    func crossRowSuspects() async throws -> (households: [KeyRow], identities: [KeyRow]) {
        let households = try await sql.raw(
            """
            SELECT sheet_row, cross_key FROM \(ident: Self.table) WHERE household_number IN (
              SELECT household_number FROM \(ident: Self.table) WHERE household_number <> '' GROUP BY household_number
              HAVING COUNT(DISTINCT household_key) > 1
                  OR SUM(CASE WHEN relation = \(bind: RelationToHead.head.rawValue) THEN 1 ELSE 0 END) <> 1
                  OR SUM(CASE WHEN relation = \(bind: RelationToHead.spouse.rawValue) THEN 1 ELSE 0 END) > 1)
            ORDER BY sheet_row
            """
        ).all(decoding: KeyRow.self)
        let identities = try await sql.raw(
            """
            SELECT sheet_row, cross_key FROM \(ident: Self.table) WHERE id_number IN (
              SELECT id_number FROM \(ident: Self.table) WHERE id_number <> '' GROUP BY id_number HAVING COUNT(*) > 1)
            ORDER BY sheet_row
            """
        ).all(decoding: KeyRow.self)
        return (households, identities)
    }
}

/// One staged value, kept typed so that SQLite gets it as stored without the query builder's per-value encoding.
enum StagedCell {
    case text(String?)
    case integer(Int?)
    case flag(Bool)

    /// As `BulkInsert` stores it: flags as 0 and 1.
    var sqlite: SQLiteData {
        switch self {
        case .text(let text): text.map(SQLiteData.text) ?? .null
        case .integer(let number): number.map(SQLiteData.integer) ?? .null
        case .flag(let flag): .integer(flag ? 1 : 0)
        }
    }

    var encodable: any Encodable & Sendable {
        switch self {
        case .text(let text): text
        case .integer(let number): number
        case .flag(let flag): flag
        }
    }
}

/// The ids of the rows an import writes, drawn for the import: the UUID version 7 layout (the import's start in
/// milliseconds, then random bits drawn once) with the kind of record in the variant's spare bits and the file row
/// in the last 48 bits — a member's own row, a household's (and its audit record's) first row. Rows staged in file
/// order get ids in that order, so the primary keys take them at one place; nothing is kept per row or household.
struct StagingIDs: Sendable {
    enum Kind: Int {
        case member, household, audit
    }

    private let prefixes: [String]

    init(now: Date = Date()) {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1_000)) & 0xFFFF_FFFF_FFFF
        let random = UInt32.random(in: 0..<(1 << 24))
        prefixes = (0..<3).map { kind in
            String(
                format: "%08X-%04X-7%03X-%X%03X-", UInt32(milliseconds >> 16), UInt32(milliseconds & 0xFFFF),
                random >> 12,
                8 | kind, random & 0xFFF)
        }
    }

    /// The first 24 characters of the ids of a kind; the row follows as 12 hex digits.
    func prefix(_ kind: Kind) -> String { prefixes[kind.rawValue] }

    /// The id of the row written for sheet row `row`, as `RegistryStagingStore.id` builds it in SQL.
    func id(_ kind: Kind, row: Int) -> UUID? { UUID(uuidString: prefix(kind) + String(format: "%012X", row)) }
}
