import Fluent
import SQLKit

extension Database {
    /// Runs `work` on one pooled connection; on SQLite that connection first gets a 64 MB page cache instead of the
    /// 2 MB default, which is what large imports and screenings need to keep index pages in memory. The setting
    /// stays with the pooled connection.
    func withBulkConnection<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withConnection { connection in
            if let sql = connection as? any SQLDatabase, sql.dialect.name == "sqlite" {
                try await sql.raw("PRAGMA cache_size = -65536").run()
            }
            return try await work(connection)
        }
    }
}
