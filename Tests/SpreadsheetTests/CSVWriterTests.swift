import Foundation
import Testing
import Spreadsheet

@Suite("Writing CSV")
struct CSVWriterTests {
    @Test func startsWithABOMAndEndsEveryRowWithCRLF() {
        let data = SpreadsheetWriter.csv([["户编号", "姓名"], ["1", "张三"]])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "户编号,姓名\r\n1,张三\r\n")
    }

    @Test func quotesOnlyFieldsThatNeedIt() {
        let data = SpreadsheetWriter.csv([["a,b", "说\"好\"", "两\n行", "plain", ""]])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "\"a,b\",\"说\"\"好\"\"\",\"两\n行\",plain,\r\n")
    }

    @Test func whatItWritesReadsBackTheSame() throws {
        // setup
        let rows = [["姓名", "备注", ""], ["张三", "说\"你好\", 再见\r\n第二行", " 空格 "], ["", "", "末"]]

        // act
        let readBack = try SpreadsheetReader.rows(from: SpreadsheetWriter.csv(rows), format: .csv)

        // check
        #expect(readBack == rows)
    }
}
