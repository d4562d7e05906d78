import Fluent
import SQLKit

extension Database {
    /// Runs `work` on one pooled connection; on SQLite that connection first gets a 64 MB page cache instead of the
    /// 2 MB default, which is what large imports and screenings need to keep index pages in memory. The setting
    /// stays with the pooled connection.
    func withBulkConnection<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T
    {
        try await withConnection { connection in
            if let sql = connection as? any SQLDatabase, sql.engine == .sqlite {
                try await sql.raw("PRAGMA cache_size = -65536").run()
            }
            return try await work(connection)
        }
    }

    /// One transaction on a connection handed out by `withBulkConnection`. Fluent's PostgreSQL driver takes such a
    /// connection for one already inside a transaction and runs `transaction`'s work without BEGIN, each statement
    /// then committing on its own; so on PostgreSQL the statements are sent here.
    func transactionOnConnection<T: Sendable>(
        _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.engine == .postgresql else { return try await transaction(work) }
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
        try await withSQLiteSetting("PRAGMA foreign_keys = OFF", restoring: "PRAGMA foreign_keys = ON", work)
    }

    /// Runs `work` with `setting` in force on this SQLite connection and `restoring` run afterwards, whether `work`
    /// succeeded or not; on PostgreSQL just `work`.
    private func withSQLiteSetting<T: Sendable>(
        _ setting: SQLQueryString, restoring: SQLQueryString,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.engine == .sqlite else { return try await work() }
        try await sql.raw(setting).run()
        let result: T
        do {
            result = try await work()
        } catch {
            try await sql.raw(restoring).run()
            throw error
        }
        try await sql.raw(restoring).run()
        return result
    }
}

extension Database {
    /// Runs `work` (a transaction on this connection, see `withBulkConnection`) without SQLite's WAL checkpoint at
    /// commit: once the write-ahead log passes 1,000 pages, a commit otherwise also copies every page of the log into
    /// the database file before it returns, which for a bulk write is as much work again as writing it. Durability is
    /// unchanged: the commit still writes and syncs the log (`synchronous = FULL`), and the committed data is read
    /// from the log until `checkpointWriteAheadLog` (or any later commit) copies it. PostgreSQL has no such step.
    func withoutCheckpointAtCommit<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withSQLiteSetting(
            "PRAGMA wal_autocheckpoint = 0", restoring: "PRAGMA wal_autocheckpoint = 1000", work)
    }

    /// Copies what a bulk write left in SQLite's write-ahead log into the database file, without waiting for readers
    /// (pages a reader still needs stay for a later checkpoint). Nothing to do on PostgreSQL.
    func checkpointWriteAheadLog() async throws {
        guard let sql = self as? any SQLDatabase, sql.engine == .sqlite else { return }
        try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
    }
}

extension Database {
    /// `withBulkConnection` in one transaction (`transactionOnConnection`).
    func withBulkTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await withBulkConnection { connection in try await connection.transactionOnConnection(work) }
    }
}
