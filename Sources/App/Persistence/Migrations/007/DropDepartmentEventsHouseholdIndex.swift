import Fluent
import SQLKit

/// Department events lose their index on household, kind and date. Screening reads a household's events through the
/// index on kind then household (`department_events_kind_household`, naming every kind), which serves the same
/// look-ups; the fingerprint's unique key stays for dedupe. Each index costs every received row one B-tree insert
/// at a random place among millions of entries, which is most of what storing a department file costs.
struct DropDepartmentEventsHouseholdIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "department_events_household").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.createIndex(
            on: DepartmentEventRecord.schema, named: "department_events_household",
            columns: ["household_id", "kind", "event_date"])
    }
}
