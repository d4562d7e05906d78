import Fluent
import SQLKit

/// The statements `configure` runs on the database around migrating.
enum DatabaseSetup {
    /// A deployment (or a test) may keep its tables in a schema of its own; it must exist before migrating.
    static func createSchemaIfMissing(_ schema: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }

    /// WAL lets readers go on while an import writes.
    static func enableWriteAheadLog(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
