import Fluent
import Foundation
import NIOCore
import PostgresKit
import SQLKit

extension BulkInsert {
    /// Rows into a table the fastest way each engine offers: PostgreSQL's `COPY … FROM STDIN` (one stream, no bind
    /// parameters, about a fifth of the time of multi-row INSERTs), multi-row INSERTs on SQLite. For text, UUIDs,
    /// integers, booleans and NULLs, on the connection (and so inside the transaction) `database` is bound to.
    static func copy(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], on database: any Database
    ) async throws {
        let copied = try await copyRows(into: table, columns: columns, rows: rows, on: database) { row, buffer in
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                try writeCopyValue(value, into: &buffer)
            }
        }
        if !copied { try await insert(into: table, columns: columns, rows: rows, on: database) }
    }

    /// Streams `rows` into `table` with `COPY … FROM STDIN` (text format) on `database`'s connection, each row
    /// written by `write` (fields tab-separated, see `writeCopyText`), a megabyte at a time. False, having sent
    /// nothing, on an engine other than PostgreSQL.
    static func copyRows<Row: Sendable>(
        into table: String, columns: [String], rows: [Row], on database: any Database,
        write: @escaping @Sendable (Row, inout ByteBuffer) throws -> Void
    ) async throws -> Bool {
        guard let postgres = database as? any PostgresDatabase else { return false }
        guard !rows.isEmpty else { return true }
        let logger = database.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                // PostgresNIO quotes the table's and the columns' names itself.
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for row in rows {
                        try write(row, &buffer)
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
        return true
    }

    /// A value in COPY's text format: `\N` for NULL, text escaped by `writeCopyText`.
    static func writeCopyValue(_ value: any Encodable & Sendable, into buffer: inout ByteBuffer) throws {
        switch value {
        case let text as String: writeCopyText(text, into: &buffer)
        case let uuid as UUID: buffer.writeString(uuid.uuidString)
        case let number as Int: buffer.writeString(String(number))
        case let number as Int64: buffer.writeString(String(number))
        case let flag as Bool: buffer.writeStaticString(flag ? "t" : "f")
        default:
            if let optional = value as? any OptionalValue, optional.wrappedValue == nil {
                buffer.writeStaticString("\\N")
                return
            }
            throw CopyUnsupported(type: "\(type(of: value))")
        }
    }

    /// Text in COPY's text format: backslash, tab, line feed and carriage return escaped, everything else as it is.
    static func writeCopyText(_ text: String, into buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    struct CopyUnsupported: Error {
        let type: String
    }
}
