import Spreadsheet
import Vapor

extension Response {
    /// A table as a downloaded file, CSV (UTF-8 with BOM) or xlsx, named `baseName.csv|xlsx`, never cached.
    static func spreadsheet(_ rows: [[String]], format: SpreadsheetFormat, baseName: String, sheetName: String) throws -> Response {
        var headers = HTTPHeaders()
        let data: Data
        switch format {
        case .csv:
            data = SpreadsheetWriter.csv(rows)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx:
            data = try SpreadsheetWriter.xlsx(rows, sheetName: sheetName)
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        headers.contentDisposition = .init(.attachment, filename: baseName + (format == .csv ? ".csv" : ".xlsx"))
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
