import Foundation
import Testing
@testable import Spreadsheet

/// The limits themselves, set low to be reached with small files.
@Suite("Spreadsheet limits as set")
struct SpreadsheetLimitsSettingTests {
    @Test func tooManyCellsAreRefusedAtTheRowThatCrossesTheLimit() {
        let xml = worksheet((1...100).map { #"<row r="\#($0)"><c r="J\#($0)"><v>1</v></c></row>"# }.joined())
        let limits = SpreadsheetLimits(columns: 512, cells: 500)
        let error = #expect(throws: SpreadsheetError.self) {
            try XLSXSheetParser.rows(in: xml, sharedStrings: [], limits: limits)
        }
        #expect(error?.message == "表格单元格过多（超过 500 个，到第 51 行为止）。请分批上传")
    }

    @Test func aWorkbookInflatingBeyondTheLimitIsRefused() throws {
        // setup: a workbook whose sheet part inflates to far more than its compressed size
        let rows = Array(repeating: Array(repeating: "同一段文字同一段文字", count: 20), count: 500)
        let data = try SpreadsheetWriter.xlsx(rows, sheetName: "大")
        #expect(data.count < 100_000)
        // act, check
        let error = #expect(throws: SpreadsheetError.self) {
            try SpreadsheetReader.rows(from: data, format: .xlsx, limits: SpreadsheetLimits(inflatedBytes: 200_000))
        }
        #expect(error?.message.contains("解压后过大") == true)
        #expect(try SpreadsheetReader.rows(from: data, format: .xlsx) == rows)
    }
}
