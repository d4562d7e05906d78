import Fluent
import SQLKit

/// Whether the database answers at all.
enum DatabaseHealthStore {
    struct Unavailable: Error {}

    static func check(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        try await sql.raw("SELECT 1").run()
    }
}
