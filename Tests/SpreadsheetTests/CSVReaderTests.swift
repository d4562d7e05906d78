import Foundation
import Testing
import Spreadsheet

@Suite("Reading CSV")
struct CSVReaderTests {
    private func rows(_ text: String) throws -> [[String]] {
        try SpreadsheetReader.rows(from: Data(text.utf8), format: .csv)
    }

    @Test func plainFieldsSplitOnCommasAndLineEnds() throws {
        #expect(try rows("a,b,c\n1,2,3") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func crlfAndLfLineEndsAreBothAccepted() throws {
        #expect(try rows("a,b\r\n1,2\n3,4\r\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func aTrailingNewlineDoesNotAddARow() throws {
        #expect(try rows("a\r\n") == [["a"]])
    }

    @Test func quotedFieldsKeepCommasNewlinesAndEscapedQuotes() throws {
        let text = "姓名,地址\r\n\"张三\",\"四川省, 某县\r\n幸福村\"\r\n\"说\"\"你好\"\"\",\"\"\r\n"
        #expect(try rows(text) == [["姓名", "地址"], ["张三", "四川省, 某县\r\n幸福村"], ["说\"你好\"", ""]])
    }

    @Test func emptyFieldsAreKeptInPlace() throws {
        #expect(try rows(",a,,b,") == [["", "a", "", "b", ""]])
    }

    @Test func valuesAreNotTrimmed() throws {
        #expect(try rows("  张三 , \" 李四 \" ") == [["  张三 ", " \" 李四 \" "]])
    }

    @Test func emptyTrailingRowsAreDroppedButEmptyRowsInsideAreKept() throws {
        #expect(try rows("a,b\r\n\r\nc,d\r\n,\r\n,,\r\n\r\n") == [["a", "b"], [""], ["c", "d"]])
    }

    @Test func anEmptyFileHasNoRows() throws {
        #expect(try rows("") == [])
    }

    @Test func strayQuotesAreKeptLiterally() throws {
        #expect(try rows("5\"3,\"a\"b") == [["5\"3", "ab"]])
    }

    @Test func anUnterminatedQuoteNamesTheRowWhereItStarted() {
        // setup: row 3 opens a quote that the file never closes; row 2 has a closed multi-line field
        let text = "a,b\r\n\"x\r\ny\",c\r\nd,\"未闭合\r\ne,f\r\n"

        // act
        let error = #expect(throws: SpreadsheetError.self) { try rows(text) }

        // check
        #expect(error?.message == "第 3 行：引号未闭合")
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstCell() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("户编号,姓名\r\n".utf8))
        #expect(try SpreadsheetReader.rows(from: data, format: .csv) == [["户编号", "姓名"]])
    }
}
