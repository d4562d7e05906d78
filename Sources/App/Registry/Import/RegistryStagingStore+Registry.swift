import Domain
import Foundation
import SQLKit

/// Where a household of the file stands against the registry.
enum HouseholdStatus: String {
    /// Its household number is not registered: it is written whole by INSERT … SELECT.
    case new
    /// Registered inside the importer's scope; `classify` then makes it `changed` or `same`.
    case existing
    /// Registered inside the scope and different somewhere: read back and applied a page at a time.
    case changed
    case same
    /// Registered outside the importer's scope: refused.
    case outside
}

/// The comparison of the staged file with the registry, and the writing of its new households, as joins of the
/// staging table with `households` and `members`: one statement each, whatever the file's size.
extension RegistryStagingStore {
    /// One row per household of the file none of whose rows has a problem: its ids, first row, member count and
    /// head, the registered household it matches and its `HouseholdStatus`.
    static let householdTable = "registry_import_households"
    /// The rows with a problem found by the checks (their households are left out of the comparison).
    static let troubledTable = "registry_import_troubled"

    private var idType: String { isPostgres ? "UUID" : "TEXT" }

    func createHouseholdTable() async throws {
        try await sql.raw(
            """
            CREATE TEMPORARY TABLE \(ident: Self.householdTable) (household_number TEXT PRIMARY KEY, first_row BIGINT,
              member_count BIGINT, head_name TEXT, existing_id \(unsafeRaw: idType), status TEXT)
            """
        ).run()
        try await sql.raw(
            "CREATE INDEX registry_import_households_status ON \(ident: Self.householdTable) (status, household_number)"
        ).run()
        try await sql.raw("CREATE TEMPORARY TABLE \(ident: Self.troubledTable) (sheet_row BIGINT PRIMARY KEY)").run()
    }

    /// Sorts the households of the file none of whose rows is in `troubled` into new, unchanged, changed and
    /// outside the scope. "Changed" is wide on purpose: any household field or staged member not stored exactly so;
    /// the domain's comparison (`RegistryDiff`) then has the last word on those few.
    func classify(scope: AccessScope, troubled: Set<Int>) async throws {
        let range = scope.areaCodeRange
        try await sql.raw(
            """
            INSERT INTO \(ident: Self.householdTable)
              (household_number, first_row, member_count, head_name, existing_id, status)
            SELECT r.household_number, MIN(r.sheet_row), COUNT(*),
                   MAX(CASE WHEN r.relation = \(bind: RelationToHead.head.rawValue) THEN r.name END), h.id,
                   CASE WHEN h.id IS NULL THEN \(bind: HouseholdStatus.new.rawValue)
                        WHEN h.village_code >= \(bind: range.lower) AND h.village_code <= \(bind: range.upper) THEN \(bind: HouseholdStatus.existing.rawValue)
                        ELSE \(bind: HouseholdStatus.outside.rawValue) END
            FROM \(ident: Self.table) r LEFT JOIN households h ON h.household_number = r.household_number
            WHERE r.household_number > ''
            GROUP BY r.household_number, h.id, h.village_code
            HAVING COUNT(r.sex) = COUNT(*)
            """
        ).run()
        if !troubled.isEmpty {
            let rows = troubled.sorted().map { [$0] as [any Encodable & Sendable] }
            try await BulkInsert.insert(into: Self.troubledTable, columns: ["sheet_row"], rows: rows, on: database)
            try await sql.raw(
                """
                DELETE FROM \(ident: Self.householdTable) WHERE household_number IN (
                  SELECT r.household_number FROM \(ident: Self.table) r JOIN \(ident: Self.troubledTable) t ON t.sheet_row = r.sheet_row)
                """
            ).run()
        }
        let householdDiffers = (Self.householdValueColumns).map { "h.\($0) IS DISTINCT FROM r.\($0)" }.joined(
            separator: " OR ")
        let sameMember = (Self.memberValueColumns + ["relation"]).map { "m.\($0) IS NOT DISTINCT FROM r.\($0)" }.joined(
            separator: " AND ")
        try await sql.raw(
            """
            UPDATE \(ident: Self.householdTable) SET status = \(bind: HouseholdStatus.changed.rawValue)
            WHERE status = \(bind: HouseholdStatus.existing.rawValue) AND (
              EXISTS (SELECT 1 FROM households h JOIN \(ident: Self.table) r
                        ON r.household_number = h.household_number AND r.sheet_row = \(ident: Self.householdTable).first_row
                      WHERE h.id = \(ident: Self.householdTable).existing_id AND (\(unsafeRaw: householdDiffers)))
              OR EXISTS (SELECT 1 FROM \(ident: Self.table) r
                         WHERE r.household_number = \(ident: Self.householdTable).household_number AND NOT EXISTS (
                           SELECT 1 FROM members m WHERE m.household_id = \(ident: Self.householdTable).existing_id
                             AND m.id_number = r.id_number AND m.departed_on IS NULL AND \(unsafeRaw: sameMember))))
            """
        ).run()
        try await sql.raw(
            """
            UPDATE \(ident: Self.householdTable) SET status = \(bind: HouseholdStatus.same.rawValue)
            WHERE status = \(bind: HouseholdStatus.existing.rawValue)
            """
        ).run()
    }

    struct StatusCount: Decodable {
        let status: String
        let households: Int
        let members: Int
    }

    /// Households and their staged members by status.
    func counts() async throws -> [HouseholdStatus: (households: Int, members: Int)] {
        let rows = try await sql.raw(
            """
            SELECT status, COUNT(*) AS households, CAST(SUM(member_count) AS BIGINT) AS members FROM \(ident: Self.householdTable) GROUP BY status
            """
        ).all(decoding: StatusCount.self)
        var result: [HouseholdStatus: (households: Int, members: Int)] = [:]
        for row in rows {
            if let status = HouseholdStatus(rawValue: row.status) { result[status] = (row.households, row.members) }
        }
        return result
    }

    /// A household of the file whose number is registered outside the importer's scope.
    struct OutsideRow: Decodable {
        let first_row: Int
        let household_number: String
    }

    /// A staged person registered, not departed, in another household: where.
    struct HolderRow: Decodable {
        let sheet_row: Int
        let id_number: String
        let household_number: String
        let village_code: String
    }

    /// The conflicts only the registry shows: the households of the file whose number is registered outside the
    /// scope, and the staged people registered, not departed, in another household (in row order).
    func registryConflicts() async throws -> (outside: [OutsideRow], holders: [HolderRow]) {
        let outside = try await sql.raw(
            """
            SELECT first_row, household_number FROM \(ident: Self.householdTable) WHERE status = \(bind: HouseholdStatus.outside.rawValue)
            """
        ).all(decoding: OutsideRow.self)
        let holders = try await sql.raw(
            """
            SELECT r.sheet_row, r.id_number, h.household_number, h.village_code
            FROM \(ident: Self.householdTable) f JOIN \(ident: Self.table) r ON r.household_number = f.household_number
            JOIN members m ON m.id_number = r.id_number JOIN households h ON h.id = m.household_id
            WHERE m.departed_on IS NULL AND h.household_number <> r.household_number
            ORDER BY r.sheet_row
            """
        ).all(decoding: HolderRow.self)
        return (outside, holders)
    }

    /// Writes the new households, their members and one audit record each (the snapshot built in SQL, as
    /// `AuditLog.encodeSnapshot` writes it: sorted keys), in three statements.
    func insertNewHouseholds(batchID: UUID, actor: AuditLog.Actor, at date: Date) async throws {
        let new = HouseholdStatus.new.rawValue
        let at: SQLQueryString = isPostgres ? "\(bind: date)" : "\(bind: date.timeIntervalSince1970)"
        try await sql.raw(
            """
            INSERT INTO households (\(unsafeRaw: DemoWriter.householdColumns.joined(separator: ", ")))
            SELECT \(id(.household, row: "f.first_row")), f.household_number, r.village_code, r.group_code, r.grid_code, COALESCE(f.head_name, ''), r.household_type,
                   r.alleviated_year, f.member_count, r.phone, r.address, r.bank_account, \(bind: HouseholdMonitoringStatus.notMonitored.rawValue),
                   1, \(at), \(at)
            FROM \(ident: Self.householdTable) f JOIN \(ident: Self.table) r ON r.household_number = f.household_number AND r.sheet_row = f.first_row
            WHERE f.status = \(bind: new) ORDER BY f.household_number
            """
        ).run()
        let memberValues = Self.memberValueColumns.filter { $0 != "name" }
        try await sql.raw(
            """
            INSERT INTO members (id, household_id, name, id_number, relation, \(unsafeRaw: memberValues.joined(separator: ", ")), created_at, updated_at)
            SELECT \(id(.member, row: "r.sheet_row")), \(id(.household, row: "f.first_row")), r.name, r.id_number, r.relation, \(unsafeRaw: memberValues.map { "r.\($0)" }.joined(separator: ", ")),
                   \(at), \(at)
            FROM \(ident: Self.householdTable) f JOIN \(ident: Self.table) r ON r.household_number = f.household_number
            WHERE f.status = \(bind: new) ORDER BY f.household_number, r.sheet_row
            """
        ).run()
        let actorID: SQLQueryString =
            isPostgres ? "CAST(\(bind: actor.id?.uuidString) AS UUID)" : "\(bind: actor.id?.uuidString)"
        try await sql.raw(
            """
            INSERT INTO audit_events (\(unsafeRaw: RegistryImporter.auditColumns.joined(separator: ", ")))
            SELECT \(id(.audit, row: "f.first_row")), \(at), \(actorID), \(bind: actor.name), \(bind: AuditLog.Action.create.rawValue), \(bind: Household.auditEntityType),
                   \(idText(.household, row: "f.first_row")), r.village_code,
                   '导入新增农户（户编号 ' || f.household_number || '，' || CAST(f.member_count AS TEXT) || ' 人）',
                   NULL, \(newHouseholdSnapshot), \(bind: RegistryImporter.batchReason(batchID))
            FROM \(ident: Self.householdTable) f JOIN \(ident: Self.table) r ON r.household_number = f.household_number AND r.sheet_row = f.first_row
            WHERE f.status = \(bind: new) ORDER BY f.household_number
            """
        ).run()
    }

    /// The id `ids` draws for a record of this kind written for the file row in `row` (a column of the statement).
    private func id(_ kind: StagingIDs.Kind, row: String) -> SQLQueryString {
        isPostgres ? "CAST(\(idText(kind, row: row)) AS UUID)" : idText(kind, row: row)
    }

    /// The same id as text, as `UUID.uuidString` writes it (upper case): the audit trail's entity id.
    private func idText(_ kind: StagingIDs.Kind, row: String) -> SQLQueryString {
        isPostgres
            ? "(\(bind: ids.prefix(kind)) || lpad(upper(to_hex(\(unsafeRaw: row))), 12, '0'))"
            : "printf('%s%012X', \(bind: ids.prefix(kind)), \(unsafeRaw: row))"
    }

    /// The JSON of `RegistryImporter.snapshot` for a new household, keys in sorted order.
    private var newHouseholdSnapshot: SQLQueryString {
        let values: [(String, String)] = [
            ("address", "r.address"), ("alleviated_year", "CAST(r.alleviated_year AS TEXT)"),
            ("bank_account", "r.bank_account"),
            ("grid_code", "r.grid_code"), ("group_code", "r.group_code"), ("head_name", "f.head_name"),
            ("household_number", "f.household_number"), ("household_type", "r.household_type"),
            ("member_count", "CAST(f.member_count AS TEXT)"), ("phone", "r.phone"), ("village_code", "r.village_code"),
        ]
        let text =
            values.enumerated().map { index, pair in
                let value = "COALESCE(\(pair.1), '')"
                let quoted = isPostgres ? "CAST(to_json(CAST(\(value) AS TEXT)) AS TEXT)" : "json_quote(\(value))"
                return "'\(index == 0 ? "{" : ",")\"\(pair.0)\":' || \(quoted)"
            }.joined(separator: " || ") + " || '}'"
        return "\(unsafeRaw: text)"
    }
}
