import Spreadsheet
import Testing

@Suite("Long digit strings kept as text for Excel")
struct ExcelTextTests {
    @Test("identity numbers, accounts and leading zeros are written as =\"…\"; short numbers and text are not")
    func wrapping() {
        #expect(ExcelText.wrapped("51200219700308131X") == "=\"51200219700308131X\"")
        #expect(ExcelText.wrapped("512002197003081311") == "=\"512002197003081311\"")
        #expect(ExcelText.wrapped("6217000012345678901") == "=\"6217000012345678901\"")
        #expect(ExcelText.wrapped("0012") == "=\"0012\"")
        #expect(ExcelText.wrapped("13900001111") == nil)
        #expect(ExcelText.wrapped("2025") == nil)
        #expect(ExcelText.wrapped("12,000.00") == nil)
        #expect(ExcelText.wrapped("张三") == nil)
        #expect(ExcelText.wrapped("0") == nil)
    }

    @Test("a CSV written for Excel reads back as the plain text, and other formulas stay as they were")
    func roundTrip() throws {
        let rows = [["身份证号", "户编号", "电话"], ["51200219700308131X", "512002001001000001", "13900001111"]]
        let data = SpreadsheetWriter.csv(rows)
        #expect(String(decoding: data, as: UTF8.self).contains("\"=\"\"51200219700308131X\"\"\""))
        #expect(try SpreadsheetReader.rows(from: data, format: .csv) == rows)
        #expect(ExcelText.unwrapped("=\"ABC\"") == "=\"ABC\"")
        #expect(ExcelText.unwrapped("=\"12\"") == "=\"12\"")
    }
}
