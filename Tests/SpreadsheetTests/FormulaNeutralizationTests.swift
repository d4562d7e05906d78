import Foundation
import Testing
import Spreadsheet

@Suite("Formula injection guard")
struct FormulaNeutralizationTests {
    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("-5", "'-5"),
        ("+86 138", "'+86 138"),
        ("@x", "'@x"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
    ])
    func cellsThatCouldStartAFormulaGetAnApostrophe(cell: String, expected: String) {
        #expect(SpreadsheetWriter.neutralized(cell) == expected)
    }

    @Test(arguments: ["张三", "512002197908189832", "a=b", "", " =1", "'quoted"])
    func ordinaryTextIsUnchanged(cell: String) {
        #expect(SpreadsheetWriter.neutralized(cell) == cell)
    }

    @Test func bothWritersNeutralizeEveryCell() throws {
        // setup
        let rows = [["=1+1", "-2"], ["ok", "@SUM(A1)"]]

        // act
        let csv = String(decoding: SpreadsheetWriter.csv(rows), as: UTF8.self)
        let xlsxRows = try SpreadsheetReader.rows(from: SpreadsheetWriter.xlsx(rows, sheetName: "导出"), format: .xlsx)

        // check
        #expect(csv == "\u{FEFF}'=1+1,'-2\r\nok,'@SUM(A1)\r\n")
        #expect(xlsxRows == [["'=1+1", "'-2"], ["ok", "'@SUM(A1)"]])
    }
}
