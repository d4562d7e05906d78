import Fluent
import SQLKit

/// Multi-row INSERTs in batches sized under both engines' bind-parameter limits (SQLite 32,766; PostgreSQL 65,535),
/// instead of one statement per row.
enum BulkInsert {
    static let maximumBindsPerStatement = 30_000

    static func insert(into table: String, columns: [String], rows: [[any Encodable & Sendable]], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, !rows.isEmpty, !columns.isEmpty else { return }
        let batchSize = max(1, maximumBindsPerStatement / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + batchSize, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
            start = end
        }
    }
}
