import Foundation
import ZIPFoundation

/// An xlsx workbook of one sheet written to disk as its rows come, for exports too large to hold in memory: the
/// sheet goes to a file a batch of rows at a time, then `pack` compresses the workbook from it. Memory stays that
/// of one batch however long the sheet.
///
/// One writer serves one export, from one task at a time.
public final class XLSXFileWriter {
    /// The most rows a sheet can have in Excel and WPS.
    public static let sheetRowLimit = 1_048_576

    private let sheet: FileHandle
    private let maximumRows: Int
    private var columns = XLSXSheetXML.ColumnNames()
    public private(set) var rowsWritten = 0

    /// Starts the sheet in `directory`, which must exist and is the writer's alone; `maximumRows` is for tests.
    public init(directory: URL, maximumRows: Int = XLSXFileWriter.sheetRowLimit) throws(SpreadsheetError) {
        self.maximumRows = maximumRows
        let url = directory.appendingPathComponent("sheet1.xml")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(XLSXSheetXML.head)),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw SpreadsheetError("无法生成 xlsx 文件（临时文件无法写入）") }
        sheet = handle
        sheet.seekToEndOfFile()
    }

    deinit { try? sheet.close() }

    /// Adds rows after those already written; refuses them, writing nothing, once the sheet would pass its limit.
    public func append(_ rows: [[String]]) throws(SpreadsheetError) {
        guard rowsWritten + rows.count <= maximumRows else {
            throw SpreadsheetError("xlsx 一个工作表最多 \(maximumRows) 行，本次导出超过了这个行数：请改用 CSV，或缩小范围后再导出。")
        }
        var xml: [UInt8] = []
        XLSXSheetXML.append(rows, firstRowNumber: rowsWritten + 1, columns: &columns, to: &xml)
        do { try sheet.write(contentsOf: xml) } catch { throw SpreadsheetError("无法生成 xlsx 文件（\(error)）") }
        rowsWritten += rows.count
    }

    /// Ends the sheet; `pack` then makes the workbook of it.
    public func closeSheet() throws(SpreadsheetError) {
        do {
            try sheet.write(contentsOf: XLSXSheetXML.tail)
            try sheet.close()
        } catch { throw SpreadsheetError("无法生成 xlsx 文件（\(error)）") }
    }

    /// Packs the closed sheet in `directory` into `workbook.xlsx` beside it and returns that file. Compressing is
    /// the slow part (seconds for a large export), so callers run it off their event loop.
    public static func pack(directory: URL, sheetName: String) throws(SpreadsheetError) -> URL {
        let url = directory.appendingPathComponent("workbook.xlsx")
        do {
            let archive = try Archive(url: url, accessMode: .create)
            try XLSXPackageParts.addFixedParts(to: archive, sheetName: sheetName)
            try archive.addEntry(
                with: XLSXPackageParts.sheetPath, fileURL: directory.appendingPathComponent("sheet1.xml"),
                compressionMethod: .deflate)
        } catch { throw SpreadsheetError("无法生成 xlsx 文件（\(error)）") }
        return url
    }
}
