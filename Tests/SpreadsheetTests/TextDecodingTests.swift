import Foundation
import Testing
import Spreadsheet

@Suite("Decoding CSV text")
struct TextDecodingTests {
    /// "户编号,姓名,地址\r\n1,张三,\"四川省, 某县\"\r\n2,刘䶮,𠀀村\r\n" encoded by Python's gb18030 codec;
    /// 䶮 is a two-byte code (FE 9F), 𠀀 (U+20000) a four-byte one (95 32 82 36).
    static let gb18030Sample: [UInt8] = [
        0xBB, 0xA7, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB5, 0xD8, 0xD6, 0xB7, 0x0D, 0x0A,
        0x31, 0x2C, 0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0x22, 0xCB, 0xC4, 0xB4, 0xA8, 0xCA, 0xA1, 0x2C, 0x20, 0xC4, 0xB3,
        0xCF, 0xD8, 0x22, 0x0D, 0x0A, 0x32, 0x2C, 0xC1, 0xF5, 0xFE, 0x9F, 0x2C, 0x95, 0x32, 0x82, 0x36, 0xB4, 0xE5,
        0x0D, 0x0A,
    ]

    @Test func utf8WithoutBOMIsReportedAsUTF8() throws {
        let decoded = try SpreadsheetReader.decodeText(Data("姓名".utf8))
        #expect(decoded.text == "姓名")
        #expect(decoded.encoding == .utf8)
    }

    @Test func theBOMIsRemovedAndReported() throws {
        let decoded = try SpreadsheetReader.decodeText(Data([0xEF, 0xBB, 0xBF] + Array("姓名".utf8)))
        #expect(decoded.text == "姓名")
        #expect(decoded.encoding == .utf8WithBOM)
    }

    @Test func gb18030BytesDecodeToTheRightChinese() throws {
        let decoded = try SpreadsheetReader.decodeText(Data(Self.gb18030Sample))
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == "户编号,姓名,地址\r\n1,张三,\"四川省, 某县\"\r\n2,刘䶮,𠀀村\r\n")
    }

    @Test func gb18030CSVParsesIntoRows() throws {
        let rows = try SpreadsheetReader.rows(from: Data(Self.gb18030Sample), format: .csv)
        #expect(rows == [["户编号", "姓名", "地址"], ["1", "张三", "四川省, 某县"], ["2", "刘䶮", "𠀀村"]])
    }

    @Test func bytesValidInNeitherEncodingGiveAChineseError() {
        // 0xFF never occurs in UTF-8 or GB18030; 0xD5 0x20 is a GB18030 lead byte without a valid trail byte
        let error = #expect(throws: SpreadsheetError.self) {
            try SpreadsheetReader.decodeText(Data([0x41, 0xD5, 0x20, 0xFF]))
        }
        #expect(error?.message == "文件编码无法识别：既不是 UTF-8 也不是 GB18030")
    }

    @Test func utf16TextGetsAnErrorThatSaysHowToSaveIt() {
        let error = #expect(throws: SpreadsheetError.self) {
            try SpreadsheetReader.decodeText(Data([0xFF, 0xFE, 0x37, 0x62, 0x16, 0x7F]))
        }
        #expect(error?.message.contains("UTF-16") == true)
    }
}
