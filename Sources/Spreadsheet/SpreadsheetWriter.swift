import Foundation

/// Writes spreadsheets for people to open in Excel or WPS: exports, templates, lists to fill in.
///
/// Every cell goes through `neutralized(_:)`, because exported cells hold text that users and imported files
/// typed, and a spreadsheet program must never run it as a formula.
public enum SpreadsheetWriter {
    /// CSV as UTF-8 with BOM (so Excel opens Chinese correctly), CRLF line ends, RFC 4180 quoting; identity numbers
    /// and other long digit strings kept as text for Excel (`ExcelText`).
    public static func csv(_ rows: [[String]]) -> Data {
        Data(csvBytes(rows, byteOrderMark: true))
    }

    /// Rows as CSV bytes, for a file written in parts: only the first part carries the byte order mark.
    public static func csvBytes(_ rows: [[String]], byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendCSVField(ExcelText.wrapped(cell) ?? neutralized(cell), to: &bytes)
            }
            bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        }
        return bytes
    }

    /// Formula-injection guard used by both writers: a cell starting with =, +, -, @ (also tab / carriage return) gets a leading apostrophe (') so spreadsheet programs show it as text and never evaluate it.
    ///
    /// This alters legitimate values such as "-5" or "+86 138…" too: a program cannot tell them from an attack, and
    /// a visible apostrophe is a far smaller harm than a formula that runs on an official's computer.
    public static func neutralized(_ cell: String) -> String {
        switch cell.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
            UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return "'" + cell
        default:
            return cell
        }
    }

    private static func appendCSVField(_ cell: String, to bytes: inout [UInt8]) {
        let needsQuotes = cell.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            bytes.append(contentsOf: cell.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in cell.utf8 {
            // A quote inside a quoted field is written twice.
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
