import Foundation
import Testing
import Spreadsheet

@Suite("Writing xlsx")
struct XLSXRoundTripTests {
    @Test func whatItWritesReadsBackTheSame() throws {
        // setup
        let rows = [
            ["户编号", "姓名", "身份证号", "备注"],
            ["HH-001", "张三", "512002197908189832", "说\"你好\" & <再见>"],
            ["HH-002", "", "", "  前后空格  "],
            [],
            ["HH-003", "𠀀村", "第一行\n第二行\r\n第三行", "_x0041_ 是字面文字"],
            ["", "", "", "末尾"],
        ]

        // act
        let data = try SpreadsheetWriter.xlsx(rows, sheetName: "户信息")
        let readBack = try SpreadsheetReader.rows(from: data, format: .xlsx)

        // check
        #expect(SpreadsheetFormat.detect(fileName: nil, data: data) == .xlsx)
        #expect(readBack == rows)
    }

    @Test func controlCharactersSurviveTheTrip() throws {
        let rows = [["a\u{1}b\u{1F}c", "制表\t符"]]
        let readBack = try SpreadsheetReader.rows(from: SpreadsheetWriter.xlsx(rows, sheetName: "x"), format: .xlsx)
        #expect(readBack == rows)
    }

    @Test func anEmptySheetIsStillAValidWorkbook() throws {
        let data = try SpreadsheetWriter.xlsx([], sheetName: "空")
        #expect(try SpreadsheetReader.rows(from: data, format: .xlsx) == [])
    }

    @Test func rowsWiderThan26ColumnsUseTwoLetterReferences() throws {
        let row = (1...30).map { "列\($0)" }
        let readBack = try SpreadsheetReader.rows(from: SpreadsheetWriter.xlsx([row], sheetName: "宽"), format: .xlsx)
        #expect(readBack == [row])
    }
}
