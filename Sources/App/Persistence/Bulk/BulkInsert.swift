import FluentSQLiteDriver
import Foundation
import SQLKit

/// Multi-row INSERTs in batches sized under both engines' bind-parameter limits (SQLite 32,766; PostgreSQL 65,535),
/// instead of one statement per row. On SQLite the values go to the driver as they are stored, with one statement
/// text per batch size, which skips the query builder's per-value encoding (about half of an import's time).
enum BulkInsert {
    static let maximumBindsPerStatement = 30_000

    static func insert(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], on database: any Database
    ) async throws {
        guard !rows.isEmpty, !columns.isEmpty else { return }
        let batchSize = max(1, maximumBindsPerStatement / columns.count)
        if let sqlite = database as? any SQLiteDatabase {
            try await insert(into: table, columns: columns, rows: rows, batchSize: batchSize, on: sqlite)
            return
        }
        guard let sql = database as? any SQLDatabase else { return }
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

    private static func insert(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], batchSize: Int,
        on database: any SQLiteDatabase
    ) async throws {
        let encoder = SQLiteDataEncoder()
        let prefix = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var statements: [Int: String] = [:]
        var start = 0
        while start < rows.count {
            let end = min(start + batchSize, rows.count)
            let count = end - start
            let statement =
                statements[count]
                ?? {
                    let text = prefix + Array(repeating: tuple, count: count).joined(separator: ", ")
                    statements[count] = text
                    return text
                }()
            var binds: [SQLiteData] = []
            binds.reserveCapacity(count * columns.count)
            for row in rows[start..<end] {
                for value in row { binds.append(try sqliteData(value, encoder: encoder)) }
            }
            _ = try await database.query(statement, binds).get()
            start = end
        }
    }

    /// The value as the query builder would store it: UUIDs as their text, dates as seconds, nil as NULL. Concrete
    /// types are tried first (a cast to a concrete type also unwraps an optional that holds one); only NULLs and
    /// other types take the slower protocol casts.
    static func sqliteData(_ value: any Encodable & Sendable, encoder: SQLiteDataEncoder) throws -> SQLiteData {
        switch value {
        case let text as String: return .text(text)
        case let uuid as UUID: return .text(uuid.uuidString)
        case let number as Int: return .integer(number)
        case let number as Int64: return .integer(Int(number))
        case let flag as Bool: return .integer(flag ? 1 : 0)
        case let date as Date: return .float(date.timeIntervalSince1970)
        default:
            if let optional = value as? any OptionalValue, optional.wrappedValue == nil { return .null }
            return try encoder.encode(value)
        }
    }
}

protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}
