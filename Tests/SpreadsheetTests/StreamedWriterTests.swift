import Foundation
import Testing
import Spreadsheet

@Suite("Writing a spreadsheet in parts")
struct StreamedWriterTests {
    static let rows = [
        ["户编号", "姓名", "身份证号", "备注"],
        ["HH-001", "张三", "512002197908189832", "说\"你好\" & <再见>"],
        ["HH-002", "", "", "  前后空格  "],
        [],
        ["HH-003", "𠀀村", "第一行\n第二行", "=1+1"],
        (1...30).map { "列\($0)" },
        ["", "", "", "末尾"],
    ]

    private func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "streamed-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    @Test("an xlsx written batch by batch reads back as the same rows as one written whole")
    func xlsxInBatches() throws {
        try withDirectory { directory in
            // setup
            let writer = try XLSXFileWriter(directory: directory)
            // act
            for batch in [Array(Self.rows[0..<2]), [], Array(Self.rows[2..<5]), Array(Self.rows[5...])] {
                try writer.append(batch)
            }
            try writer.closeSheet()
            let workbook = try XLSXFileWriter.pack(directory: directory, sheetName: "农户登记表")
            // check
            let data = try Data(contentsOf: workbook)
            #expect(SpreadsheetFormat.detect(fileName: nil, data: data) == .xlsx)
            let readBack = try SpreadsheetReader.rows(from: data, format: .xlsx)
            #expect(
                try readBack
                    == SpreadsheetReader.rows(
                        from: SpreadsheetWriter.xlsx(Self.rows, sheetName: "农户登记表"), format: .xlsx))
            #expect(readBack[4][3] == "'=1+1", "formulas are neutralised in parts as whole")
            #expect(writer.rowsWritten == Self.rows.count)
        }
    }

    @Test("a batch that would pass the sheet's row limit is refused and nothing of it is written")
    func rowLimit() throws {
        try withDirectory { directory in
            // setup
            let writer = try XLSXFileWriter(directory: directory, maximumRows: 3)
            try writer.append([["a"], ["b"]])
            // act
            #expect(throws: SpreadsheetError.self) { try writer.append([["c"], ["d"]]) }
            try writer.append([["c"]])
            try writer.closeSheet()
            // check
            let data = try Data(contentsOf: try XLSXFileWriter.pack(directory: directory, sheetName: "x"))
            #expect(try SpreadsheetReader.rows(from: data, format: .xlsx) == [["a"], ["b"], ["c"]])
        }
    }

    @Test("CSV written in parts is the same file as CSV written whole, with one byte order mark")
    func csvInParts() {
        let parts = [
            SpreadsheetWriter.csvBytes(Array(Self.rows[0..<3]), byteOrderMark: true),
            SpreadsheetWriter.csvBytes(Array(Self.rows[3...]), byteOrderMark: false),
        ]
        #expect(Data(parts.joined()) == SpreadsheetWriter.csv(Self.rows))
    }
}
