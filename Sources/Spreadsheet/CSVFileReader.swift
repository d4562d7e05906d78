import Foundation

/// Reads a UTF-8 CSV file a block of records at a time, so that memory stays flat however long the file is. Records
/// and errors are those of `SpreadsheetReader.rows` on the whole file. Files in another encoding (GB18030, whose
/// byte sequences cannot be cut safely) are left to the whole-file reader: `open` returns nil for them.
public struct CSVFileReader {
    public let encoding: TextEncodingUsed
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var nextRow = 1
    private var atEnd = false
    private let blockSize: Int
    public static let defaultBlockSize = 4 << 20

    /// Nil when the file is not valid UTF-8 (checked in one pass over the file, a block at a time). `blockSize` is
    /// how many bytes are read at a time.
    public static func open(path: String, blockSize: Int = defaultBlockSize) throws -> CSVFileReader? {
        guard let encoding = try utf8Encoding(path: path, blockSize: blockSize) else { return nil }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        if encoding == .utf8WithBOM { _ = try handle.read(upToCount: byteOrderMark.count) }
        return CSVFileReader(encoding: encoding, handle: handle, blockSize: blockSize)
    }

    private init(encoding: TextEncodingUsed, handle: FileHandle, blockSize: Int) {
        self.encoding = encoding
        self.handle = handle
        self.blockSize = max(blockSize, 16)
    }

    /// The next records (about a block's worth, at least one unless the file has ended); nil after the last.
    public mutating func next() throws -> [[String]]? {
        while !atEnd {
            let block = try handle.read(upToCount: blockSize) ?? Data()
            if block.isEmpty {
                atEnd = true
                try? handle.close()
                break
            }
            pending.append(contentsOf: block)
            let (rows, consumed) = pending.withUnsafeBufferPointer { CSVParser.completeRows(in: $0, firstRow: nextRow) }
            pending.removeFirst(consumed)
            nextRow += rows.count
            if !rows.isEmpty { return rows }
        }
        guard !pending.isEmpty else { return nil }
        let first = nextRow
        let rows = try pending.withUnsafeBufferPointer { bytes throws(SpreadsheetError) in
            try CSVParser.rows(in: bytes, firstRow: first)
        }
        pending = []
        return rows
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// UTF-8 (with or without BOM) when every block validates; a line feed never falls inside a multi-byte sequence,
    /// so blocks are cut after their last one.
    private static func utf8Encoding(path: String, blockSize: Int) throws -> TextEncodingUsed? {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var carried: [UInt8] = []
        var encoding: TextEncodingUsed?
        while let block = try handle.read(upToCount: blockSize), !block.isEmpty {
            carried.append(contentsOf: block)
            if encoding == nil {
                guard carried.count >= byteOrderMark.count || block.count < blockSize else { continue }
                encoding = carried.starts(with: byteOrderMark) ? .utf8WithBOM : .utf8
                if encoding == .utf8WithBOM { carried.removeFirst(byteOrderMark.count) }
            }
            guard let cut = carried.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            guard String(validating: carried[...cut], as: UTF8.self) != nil else { return nil }
            carried.removeFirst(cut + 1)
        }
        if encoding == nil { encoding = carried.starts(with: byteOrderMark) ? .utf8WithBOM : .utf8 }
        return carried.isEmpty || String(validating: carried, as: UTF8.self) != nil ? encoding : nil
    }
}
