import Foundation
import Spreadsheet
import Testing

@Suite("Reading CSV a block at a time")
struct CSVFileReaderTests {
    private func file(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "csv-blocks-\(UUID().uuidString.prefix(8)).csv"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private func streamed(_ path: String, blockSize: Int) throws -> [[String]]? {
        guard var reader = try CSVFileReader.open(path: path, blockSize: blockSize) else { return nil }
        var rows: [[String]] = []
        while let block = try reader.next() { rows += block }
        return rows
    }

    @Test("blocks of any size give the rows of the whole file, across quoted line breaks, CRLF and a BOM")
    func blocksMatchWholeFile() throws {
        // setup
        let text = "姓名,地址\r\n\"张三\",\"四川省, 某县\r\n幸福村\"\r\n\"说\"\"你好\"\"\",\"\"\r\n李四,\"a\nb\"\n王五,last"
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        let path = try file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try SpreadsheetReader.rows(from: data, format: .csv)
        // act, check
        for blockSize in [16, 17, 19, 23, 64, 1 << 20] {
            #expect(try streamed(path, blockSize: blockSize) == whole, "block size \(blockSize)")
        }
        #expect(try CSVFileReader.open(path: path)?.encoding == .utf8WithBOM)
    }

    @Test("an unclosed quote at the end is refused with its row number")
    func unclosedQuote() throws {
        let path = try file(Data("a,b\n1,2\n3,\"open\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: (any Error).self) { try streamed(path, blockSize: 16) }
    }

    @Test("a file that is not UTF-8 is left to the whole-file reader")
    func gb18030IsNotStreamed() throws {
        let data = try #require("姓名,地址\n张三,幸福村\n".data(using: String.Encoding(rawValue: 0x8000_0632)))
        let path = try file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CSVFileReader.open(path: path, blockSize: 16) == nil)
    }
}
