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

extension Database {
    /// `withBulkConnection` in one transaction. FluentPostgresDriver marks a connection handed out by `withConnection`
    /// as already in a transaction, so `transaction` on it runs the work without BEGIN and a failure rolls nothing
    /// back; on PostgreSQL the statements are therefore sent here.
    func withBulkTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withBulkConnection { connection in
            guard let sql = connection as? any SQLDatabase, sql.dialect.name == "postgresql" else {
                return try await connection.transaction(work)
            }
            try await sql.raw("BEGIN").run()
            do {
                let result = try await work(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
