import Foundation
import Spreadsheet
import Vapor

/// A received spreadsheet file (upload, push or command line) as rows of cells, with the reasons said the same way
/// whichever path it came by.
struct UploadedSheet {
    let rows: [[String]]
    /// The text encoding a CSV was read in (UTF-8, GB18030 …); nil for xlsx.
    let encoding: String?

    init(_ data: Data, fileName: String) throws {
        guard let format = SpreadsheetFormat.detect(fileName: fileName, data: data) else {
            throw AppError.unknownFileFormat(fileName: fileName)
        }
        do {
            encoding = format == .csv ? try SpreadsheetReader.decodeText(data).encoding.rawValue : nil
            rows = try SpreadsheetReader.rows(from: data, format: format)
        } catch {
            throw AppError.unreadableFile(fileName: fileName, message: error.message)
        }
    }
}
