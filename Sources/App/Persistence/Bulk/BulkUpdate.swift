import Fluent
import SQLKit

/// Updates many rows by key in a handful of statements instead of one per row: the new values go to a temporary
/// table shaped like the target (`CREATE TEMP TABLE … AS SELECT … WHERE 1 = 0`, so the column types match on both
/// engines), then one UPDATE sets every column from it. Needs one connection throughout (a transaction, or
/// `withBulkConnection`): temporary tables belong to their connection.
enum BulkUpdate {
    static func update(
        _ table: String, key: String, columns: [String], rows: [[any Encodable & Sendable]], on database: any Database
    ) async throws {
        guard !rows.isEmpty, let sql = database as? any SQLDatabase else { return }
        let staging = "bulk_update_\(table)"
        let all = [key] + columns
        try await sql.raw("DROP TABLE IF EXISTS \(ident: staging)").run()
        try await sql.raw(
            "CREATE TEMP TABLE \(ident: staging) AS SELECT \(idents: all, joinedBy: ", ") FROM \(ident: table) WHERE 1 = 0"
        ).run()
        try await BulkInsert.insert(into: staging, columns: all, rows: rows, on: database)
        let assignments = columns.map { column -> SQLQueryString in
            "\(ident: column) = (SELECT s.\(ident: column) FROM \(ident: staging) s WHERE s.\(ident: key) = \(ident: table).\(ident: key))"
        }
        try await sql.raw(
            """
            UPDATE \(ident: table) SET \(assignments.joined(separator: ", ")) WHERE \(ident: key) IN (SELECT \(ident: key) FROM \(ident: staging))
            """
        ).run()
        try await sql.raw("DROP TABLE \(ident: staging)").run()
    }
}
