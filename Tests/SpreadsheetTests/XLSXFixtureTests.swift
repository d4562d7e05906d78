import Foundation
import Testing
import Spreadsheet

@Suite("Reading xlsx from other writers")
struct XLSXFixtureTests {
    @Test func openpyxlWorkbookReadsTheFirstSheetWithGapsFilled() throws {
        // act
        let rows = try SpreadsheetReader.rows(from: XLSXFixtures.openpyxl, format: .xlsx)

        // check
        #expect(
            rows == [
                ["户编号", "姓名", "身份证号", "人数", "地址"],
                ["HH-001", "张三", "512002197908189832", "4", "四川省某县\"幸福\"村, 3组"],
                ["HH-002", "李四", "", "2.5", "  前后空格  "],
                [],
                ["HH-003", "TRUE", "", "1500", "第一行\n第二行"],
            ])
    }

    @Test func excelStyleWorkbookResolvesSharedStringsAndRichText() throws {
        // act
        let rows = try SpreadsheetReader.rows(from: XLSXFixtures.xlsxWriter, format: .xlsx)

        // check
        #expect(
            rows == [
                ["户编号", "姓名", "人数", "备注"],
                ["HH-001", "张三丰", "3", "含\r回车"],
                ["HH-002", "李四", "1234567890123", "合计1234567890123"],
                ["HH-001", "", "FALSE", "_x0041_ 字面"],
            ])
    }

    @Test func dataThatIsNotAZipGivesAChineseError() {
        let error = #expect(throws: SpreadsheetError.self) {
            try SpreadsheetReader.rows(from: Data("户编号,姓名".utf8), format: .xlsx)
        }
        #expect(error?.message.hasPrefix("不是有效的 xlsx 文件") == true)
    }
}
