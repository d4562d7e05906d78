import Foundation

/// The file formats people exchange spreadsheets in.
public enum SpreadsheetFormat: Sendable {
    case csv, xlsx

    /// By file name extension (case-insensitive) or, failing that, by content (xlsx starts with "PK\u{3}\u{4}").
    ///
    /// Returns nil for content that is neither, such as a legacy binary .xls workbook.
    public static func detect(fileName: String?, data: Data) -> SpreadsheetFormat? {
        if let fileName, let format = byExtension(of: fileName) {
            return format
        }
        return byContent(data)
    }

    private static func byExtension(of fileName: String) -> SpreadsheetFormat? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "csv": return .csv
        // A macro-enabled workbook stores its sheets exactly like xlsx; the macros are simply never read.
        case "xlsx", "xlsm": return .xlsx
        default: return nil
        }
    }

    private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// Legacy .xls files are OLE2 compound documents; they must not be mistaken for text.
    private static let compoundDocumentSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]

    private static func byContent(_ data: Data) -> SpreadsheetFormat? {
        if data.starts(with: zipSignature) { return .xlsx }
        if data.starts(with: compoundDocumentSignature) { return nil }
        // Text never contains NUL bytes; binary files almost always do early on.
        if data.prefix(4096).contains(0) { return nil }
        return .csv
    }
}
