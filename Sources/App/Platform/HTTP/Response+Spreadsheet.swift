import Spreadsheet
import Vapor

extension Response {
    /// A table as a downloaded file, CSV (UTF-8 with BOM) or xlsx, named `baseName.csv|xlsx`, never cached.
    static func spreadsheet(
        _ rows: [[String]], format: SpreadsheetFormat, baseName: String, sheetName: String
    ) throws -> Response {
        var headers = HTTPHeaders()
        let data: Data
        switch format {
        case .csv:
            data = SpreadsheetWriter.csv(rows)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx:
            data = try SpreadsheetWriter.xlsx(rows, sheetName: sheetName)
            headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        headers.markAsDownload(format: format, baseName: baseName)
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

/// Hands an export's rows over a batch at a time.
typealias SpreadsheetRows = @Sendable (_ emit: ([[String]]) async throws -> Void) async throws -> Void

extension Response {
    /// A download written as its rows are read, so that memory stays that of one batch however large the export.
    /// CSV goes to the client as it is produced; xlsx, a compressed archive, is built in a temporary file first and
    /// then sent from it. A problem found while building an xlsx (more rows than a sheet holds) is thrown before
    /// anything is sent; once CSV has started, a failure can only cut the download short, so exports check what
    /// they can before calling this.
    static func streamedSpreadsheet(
        format: SpreadsheetFormat, baseName: String, sheetName: String, on request: Request,
        rows: @escaping SpreadsheetRows
    ) async throws -> Response {
        let response: Response
        switch format {
        case .csv:
            let logger = request.logger
            response = Response(
                status: .ok,
                body: .init(asyncStream: { writer in
                    do {
                        var first = true
                        try await rows { batch in
                            try await writer.write(
                                .buffer(ByteBuffer(bytes: SpreadsheetWriter.csvBytes(batch, byteOrderMark: first))))
                            first = false
                        }
                        try await writer.write(.end)
                    } catch {
                        logger.error("export cut short: \(String(reflecting: error))")
                        try await writer.write(.error(error))
                    }
                }))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "shouwang-export-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let writer = try XLSXFileWriter(directory: directory)
                try await rows { batch in try writer.append(batch) }
                try writer.closeSheet()
                let workbook = try await request.application.threadPool.runIfActive {
                    try XLSXFileWriter.pack(directory: directory, sheetName: sheetName)
                }
                response = try await request.fileio.asyncStreamFile(
                    at: workbook.path,
                    onCompleted: { _ in
                        try? FileManager.default.removeItem(at: directory)
                    })
            } catch {
                try? FileManager.default.removeItem(at: directory)
                if let error = error as? SpreadsheetError { throw Abort(.badRequest, reason: error.message) }
                throw error
            }
            response.headers.contentType = HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        response.headers.markAsDownload(format: format, baseName: baseName)
        if let token = request.query[String.self, at: "download"], Self.isDownloadToken(token) {
            // Read by Public/js/downloads.js, which says “正在生成…” from the click until this arrives.
            response.cookies["shouwang_download"] = HTTPCookies.Value(
                string: token, maxAge: 60, path: "/", isSecure: false,
                isHTTPOnly: false, sameSite: .strict)
        }
        return response
    }
}

extension Response {
    /// The token a click on an export link sends (`download=`): letters and digits, 8 to 40 of them; anything else
    /// is ignored, so nothing a visitor writes reaches a cookie.
    static func isDownloadToken(_ token: String) -> Bool {
        (8...40).contains(token.count) && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

extension HTTPHeaders {
    /// A file to save as `baseName.csv|xlsx`, never cached (it may hold personal data).
    fileprivate mutating func markAsDownload(format: SpreadsheetFormat, baseName: String) {
        contentDisposition = .init(.attachment, filename: baseName + (format == .csv ? ".csv" : ".xlsx"))
        replaceOrAdd(name: .cacheControl, value: "no-store")
    }
}
