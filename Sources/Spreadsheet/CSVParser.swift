/// An RFC 4180 CSV parser that walks the UTF-8 bytes of the text once.
///
/// Byte-wise scanning is safe because every delimiter it looks for (comma, quote, CR, LF) is ASCII and can never
/// occur inside a multi-byte UTF-8 sequence. It is lenient where real files deviate: a quote inside an unquoted
/// field and text after a closing quote are kept literally, and a lone CR also ends a line.
enum CSVParser {
    static func rows(in text: String) throws(SpreadsheetError) -> [[String]] {
        var text = text
        let result = text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return Result { () throws(SpreadsheetError) in try scanner.allRows() }
        }
        return try result.get()
    }

    /// The complete records at the start of `bytes` (UTF-8) and how many bytes they take, for a file read a block at a
    /// time: a record cut off by the end of the block (an open quote, a last line without its end) is left for the
    /// next block. `firstRow` numbers the first record in error messages.
    static func completeRows(in bytes: UnsafeBufferPointer<UInt8>, firstRow: Int) -> (rows: [[String]], consumed: Int) {
        var scanner = Scanner(bytes: bytes)
        scanner.rowNumber = firstRow
        return scanner.completeRows()
    }

    /// Every record of the last part of a file.
    static func rows(in bytes: UnsafeBufferPointer<UInt8>, firstRow: Int) throws(SpreadsheetError) -> [[String]] {
        var scanner = Scanner(bytes: bytes)
        scanner.rowNumber = firstRow
        return try scanner.allRows()
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Counted in records, not physical lines, so it matches the row number the user sees in Excel.
        var rowNumber = 1

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func allRows() throws(SpreadsheetError) -> [[String]] {
            var rows: [[String]] = []
            var row: [String] = []
            while true {
                let field =
                    bytes.indices.contains(index) && bytes[index] == quote
                    ? try quotedField()
                    : unquotedField()
                row.append(ExcelText.unwrapped(field))
                guard index < bytes.count else {
                    rows.append(row)
                    return rows
                }
                let delimiter = bytes[index]
                index += 1
                if delimiter == comma { continue }
                if delimiter == carriageReturn, index < bytes.count, bytes[index] == lineFeed {
                    index += 1
                }
                rows.append(row)
                row = []
                rowNumber += 1
                // A newline at the very end closes the last row; it does not open an empty one.
                if index == bytes.count { return rows }
            }
        }

        mutating func completeRows() -> (rows: [[String]], consumed: Int) {
            var rows: [[String]] = []
            var row: [String] = []
            var rowStart = index
            while index < bytes.count {
                let field: String
                if bytes[index] == quote {
                    // An unclosed quote here only means the record goes on in the next block.
                    guard let quoted = try? quotedField() else { return (rows, rowStart) }
                    field = quoted
                } else {
                    field = unquotedField()
                }
                row.append(ExcelText.unwrapped(field))
                guard index < bytes.count else { break }
                let delimiter = bytes[index]
                index += 1
                if delimiter == comma { continue }
                if delimiter == carriageReturn {
                    guard index < bytes.count else { break }
                    if bytes[index] == lineFeed { index += 1 }
                }
                rows.append(row)
                row = []
                rowNumber += 1
                rowStart = index
            }
            return (rows, rowStart)
        }

        /// Reads up to (not including) the next comma or line end.
        private mutating func unquotedField() -> String {
            let start = index
            skipToDelimiter()
            return text(start..<index)
        }

        private mutating func quotedField() throws(SpreadsheetError) -> String {
            let startRowNumber = rowNumber
            index += 1
            var segmentStart = index
            var unescaped: [UInt8] = []
            var hasEscapedQuote = false
            while true {
                guard index < bytes.count else {
                    throw SpreadsheetError("第 \(startRowNumber) 行：引号未闭合")
                }
                guard bytes[index] == quote else {
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count, bytes[index + 1] == quote else { break }
                // A doubled quote stands for one quote character: keep the segment up to and including the first.
                unescaped.append(contentsOf: bytes[segmentStart...index])
                hasEscapedQuote = true
                index += 2
                segmentStart = index
            }
            var field: String
            if hasEscapedQuote {
                unescaped.append(contentsOf: bytes[segmentStart..<index])
                field = String(decoding: unescaped, as: UTF8.self)
            } else {
                field = text(segmentStart..<index)
            }
            index += 1
            let trailingStart = index
            skipToDelimiter()
            if index > trailingStart {
                field += text(trailingStart..<index)
            }
            return field
        }

        private mutating func skipToDelimiter() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == comma || byte == lineFeed || byte == carriageReturn { return }
                index += 1
            }
        }

        private func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
