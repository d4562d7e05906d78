import Foundation

/// Reads the spreadsheets people upload: CSV (UTF-8 or GB18030) and xlsx.
///
/// Rows come back as plain strings exactly as the file holds them; trimming, number parsing and header matching
/// are left to the caller, which knows what each column means.
public enum SpreadsheetReader {
    /// All rows of the first worksheet (xlsx) or the file (csv), as strings, in order. Empty trailing rows dropped.
    ///
    /// Rows keep their own length: a row can be shorter than the header when its last cells are empty.
    /// An xlsx is read within `limits` (`SpreadsheetLimits`); a CSV is bounded by its own size.
    public static func rows(
        from data: Data, format: SpreadsheetFormat, limits: SpreadsheetLimits = .standard
    ) throws(SpreadsheetError) -> [[String]] {
        var rows: [[String]]
        switch format {
        case .csv:
            rows = try CSVParser.rows(in: decodeText(data).text)
        case .xlsx:
            rows = try XLSXFirstSheetReader.rows(from: data, limits: limits)
        }
        // Excel and WPS often save formatted but empty rows below the data; they are not records.
        while let last = rows.last, last.allSatisfy(\.isEmpty) {
            rows.removeLast()
        }
        return rows
    }
}
