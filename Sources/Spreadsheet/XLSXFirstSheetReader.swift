import Foundation

/// Reads the first worksheet of an xlsx package into rows of strings.
enum XLSXFirstSheetReader {
    static func rows(from data: Data, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) -> [[String]] {
        let package = try XLSXPackage(data, limits: limits)
        let layout = try XLSXWorkbookLayout(of: package)
        guard let sheet = try package.part(layout.firstSheetPath) else {
            throw SpreadsheetError("不是有效的 xlsx 文件（无法读取工作表）")
        }
        // Workbooks with only numbers, and those written with inline strings (openpyxl), have no shared strings.
        let sharedStrings = try package.part(layout.sharedStringsPath).map(XLSXSharedStrings.parse) ?? []
        return try XLSXSheetParser.rows(in: sheet, sharedStrings: sharedStrings, limits: limits)
    }
}
