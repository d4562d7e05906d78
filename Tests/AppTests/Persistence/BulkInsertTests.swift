@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Bulk insert")
struct BulkInsertTests {
    private struct Stored: Decodable, Equatable {
        let id: String
        let name: String?
        let count: Int
        let flag: Bool
        let at: Date
        let kinds: String
    }

    @Test("rows written by the bulk path are stored exactly as the query builder stores them")
    func bulkPathStoresWhatTheBuilderStores() async throws {
        try await withDemoApp(households: 1) { app in
            // setup
            let sql = try #require(app.db as? any SQLDatabase)
            let uuidType: SQLQueryString = sql.engine == .postgresql ? "UUID" : "TEXT"
            let dateType: SQLQueryString = sql.engine == .postgresql ? "TIMESTAMPTZ" : "DOUBLE PRECISION"
            for table in ["bulk_fast", "bulk_builder"] {
                try await sql.raw(
                    "CREATE TABLE \(ident: table) (id \(uuidType), name TEXT, count INTEGER, flag BOOLEAN, at \(dateType))"
                ).run()
            }
            let id = UUID()
            let at = Date(timeIntervalSince1970: 1_790_000_000.25)
            let rows: [[any Encodable & Sendable]] = [
                [id, "张三", 3, true, at], [UUID(), String?.none, Int64(-7), false, at],
            ]
            // act
            try await BulkInsert.insert(
                into: "bulk_fast", columns: ["id", "name", "count", "flag", "at"], rows: rows, on: app.db)
            var builder = sql.insert(into: "bulk_builder").columns("id", "name", "count", "flag", "at")
            for row in rows { builder = builder.values(row.map { SQLBind($0) }) }
            try await builder.run()
            // check: same values, and on SQLite the same storage classes
            let typeOf =
                sql.engine == .sqlite
                ? "typeof(id) || typeof(name) || typeof(count) || typeof(flag) || typeof(at)" : "'-'"
            func read(_ table: String) async throws -> [Stored] {
                try await sql.raw(
                    """
                    SELECT CAST(id AS TEXT) AS id, name, count, flag, at, \(unsafeRaw: typeOf) AS kinds FROM \(ident: table) ORDER BY count DESC
                    """
                ).all(decoding: Stored.self)
            }
            let fast = try await read("bulk_fast")
            #expect(fast == (try await read("bulk_builder")))
            #expect(fast.first?.id.lowercased() == id.uuidString.lowercased())
        }
    }
}
