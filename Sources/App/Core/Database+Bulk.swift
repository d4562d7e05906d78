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

    /// One transaction on a connection handed out by `withBulkConnection`. Fluent's PostgreSQL driver takes such a
    /// connection for one already inside a transaction and runs `transaction`'s work without BEGIN, each statement
    /// then committing on its own; so on PostgreSQL the statements are sent here.
    func transactionOnConnection<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "postgresql" else { return try await transaction(work) }
        try await sql.raw("BEGIN").run()
        let result: T
        do {
            result = try await work(self)
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
        try await sql.raw("COMMIT").run()
        return result
    }

    /// Runs `work` (a transaction on this connection, see `withBulkConnection`) without SQLite's per-row foreign-key
    /// checks, and turns them back on afterwards, whether `work` succeeded or not. Only for writes whose references
    /// hold by construction: every referenced row is read by the same statement, inside the same transaction. SQLite
    /// ignores the setting inside a transaction, hence around it. PostgreSQL keeps its checks.
    func withoutForeignKeyChecks<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await work() }
        try await sql.raw("PRAGMA foreign_keys = OFF").run()
        let result: T
        do {
            result = try await work()
        } catch {
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            throw error
        }
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        return result
    }
}

extension Database {
    /// `withBulkConnection` in one transaction (`transactionOnConnection`).
    func withBulkTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withBulkConnection { connection in try await connection.transactionOnConnection(work) }
    }
}
