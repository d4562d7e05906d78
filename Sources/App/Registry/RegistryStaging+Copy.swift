import FluentPostgresDriver
import Foundation
import NIOCore

extension RegistryStaging {
    /// On PostgreSQL the rows are streamed into the staging table with `COPY … FROM STDIN` (text format) on the
    /// import's connection, instead of multi-row INSERTs of thirty-odd binds a row. False on another engine.
    func copy(_ rows: [[StagedCell]]) async throws -> Bool {
        guard let postgres = database as? any PostgresDatabase else { return false }
        let logger = database.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: Self.table, columns: Self.columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for row in rows {
                        for (index, cell) in row.enumerated() {
                            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            cell.writeCopyText(into: &buffer)
                        }
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
}

extension StagedCell {
    /// The value in COPY's text format: `\N` for NULL; backslash, tab, line feed and carriage return escaped.
    func writeCopyText(into buffer: inout ByteBuffer) {
        switch self {
        case .text(nil), .integer(nil):
            buffer.writeStaticString("\\N")
        case .text(let text?):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        case .integer(let number?):
            buffer.writeString(String(number))
        case .flag(let flag):
            buffer.writeStaticString(flag ? "t" : "f")
        }
    }
}
