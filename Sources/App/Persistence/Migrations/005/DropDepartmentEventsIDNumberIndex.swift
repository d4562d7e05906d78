import Fluent
import SQLKit

/// Department events lose their index on identity number. No query reads events by identity number — screening reads
/// them by household (`department_events_household`) or by kind then household (`department_events_kind_household`),
/// dedupe by fingerprint (its unique key) — while every index costs each received row one more B-tree insert, which
/// over millions of stored events is most of what receiving a file costs.
struct DropDepartmentEventsIDNumberIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "department_events_id_number").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.createIndex(
            on: DepartmentEventRecord.schema, named: "department_events_id_number", columns: ["id_number"])
    }
}
