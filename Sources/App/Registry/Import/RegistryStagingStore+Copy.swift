import Foundation
import NIOCore

extension RegistryStagingStore {
    /// On PostgreSQL the rows are streamed into the staging table with `COPY … FROM STDIN` (text format) on the
    /// import's connection, instead of multi-row INSERTs of thirty-odd binds a row. False on another engine.
    func copy(_ rows: [[StagedCell]]) async throws -> Bool {
        try await BulkInsert.copyRows(into: Self.table, columns: Self.columns, rows: rows, on: database) {
            row, buffer in
            for (index, cell) in row.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                cell.writeCopyText(into: &buffer)
            }
        }
    }
}

extension StagedCell {
    /// The value in COPY's text format: `\N` for NULL, text escaped by `BulkInsert.writeCopyText`.
    func writeCopyText(into buffer: inout ByteBuffer) {
        switch self {
        case .text(nil), .integer(nil):
            buffer.writeStaticString("\\N")
        case .text(let text?):
            BulkInsert.writeCopyText(text, into: &buffer)
        case .integer(let number?):
            buffer.writeString(String(number))
        case .flag(let flag):
            buffer.writeStaticString(flag ? "t" : "f")
        }
    }
}
