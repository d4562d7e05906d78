import Fluent
import SQLKit
import Vapor

/// A model that can also be read from a plain SQL row, for the pages served at volume (the household page, the
/// session lookup that runs on every request). Fluent decodes each row by reflecting over the model's properties and
/// builds each query through SQLKit's serializer; together that was most of the household page's CPU time. These read
/// the named columns directly from a hand-written query. `PlainRowTests` checks, on both engines, that each reader
/// gives exactly what Fluent gives.
protocol PlainRowModel: Model {
    /// Every stored column, by name.
    static var plainColumns: [String] { get }
    /// `plainColumns` qualified with the table, for a select list that may sit in a join; built once per model with
    /// `qualifiedColumns()`.
    static var selectList: String { get }
    /// The model from a row that holds `plainColumns` (under their own names).
    static func read(_ row: any SQLRow) throws -> Self
}

extension PlainRowModel {
    static func qualifiedColumns() -> String {
        plainColumns.map { schema + "." + $0 }.joined(separator: ", ")
    }
}

extension Database {
    /// This database as SQLKit sees it; every driver Shouwang runs on is one.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw AppError.sqlUnavailable }
            return sql
        }
    }

    /// `SELECT <every column of M> FROM <M's table> <rest>`, read without Fluent's per-row reflection.
    func plainRows<M: PlainRowModel>(_ type: M.Type, _ rest: SQLQueryString) async throws -> [M] {
        let query: SQLQueryString = "SELECT \(unsafeRaw: M.selectList) FROM \(unsafeRaw: M.schema) "
        return try await sql.raw(query + rest).all().map(M.read)
    }
}
