import Foundation
import Spreadsheet
import Vapor

/// A received spreadsheet file read a block of rows at a time: a UTF-8 CSV streams from disk, so memory stays flat
/// in the file's size; GB18030 CSV and xlsx are read whole (as `UploadedSheet`) and handed out in blocks.
struct SheetRowSource {
    private var stream: CSVFileReader?
    private var whole: [[String]] = []
    private var position = 0
    /// The text encoding a CSV was read in (UTF-8, GB18030 …); nil for xlsx.
    let encoding: String?
    private let rowsPerBlock: Int
    private let fileName: String

    /// `blockBytes` is how much of a CSV is read at a time; a file read whole is handed out `rowsPerBlock` rows at a time.
    init(
        path: String, fileName: String, blockBytes: Int = CSVFileReader.defaultBlockSize, rowsPerBlock: Int = 5_000
    ) throws {
        self.rowsPerBlock = rowsPerBlock
        self.fileName = fileName
        let start = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let head = try start.read(upToCount: 4_096) ?? Data()
        try? start.close()
        guard let format = SpreadsheetFormat.detect(fileName: fileName, data: head) else {
            throw AppError.unknownFileFormat(fileName: fileName)
        }
        if format == .csv, let reader = try CSVFileReader.open(path: path, blockSize: blockBytes) {
            stream = reader
            encoding = reader.encoding.rawValue
            return
        }
        let sheet = try UploadedSheet(try Data(contentsOf: URL(fileURLWithPath: path)), fileName: fileName)
        whole = sheet.rows
        encoding = sheet.encoding
    }

    /// The next block of rows; nil after the last.
    mutating func next() throws -> [[String]]? {
        if stream != nil {
            do {
                return try stream?.next()
            } catch let error as SpreadsheetError {
                throw AppError.unreadableFile(fileName: fileName, message: error.message)
            }
        }
        guard position < whole.count else {
            whole = []
            return nil
        }
        let end = min(position + rowsPerBlock, whole.count)
        defer { position = end }
        return Array(whole[position..<end])
    }
}
