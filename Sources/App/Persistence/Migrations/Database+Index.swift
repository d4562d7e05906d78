import Fluent
import SQLKit

extension Database {
    /// Creates a plain B-tree index; the same statement works on SQLite and PostgreSQL.
    func createIndex(on table: String, named name: String, columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
