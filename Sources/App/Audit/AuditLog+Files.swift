import Fluent
import Foundation
import Spreadsheet
import Vapor

/// The audit records of files going out (exports) and coming in (uploads, previews): who, when, which area, with
/// which filter, how many rows.
extension AuditLog {
    /// An export of `rows` rows, with the query parameters named in `filter` as the request gave them.
    static func recordExport(
        of entityType: String, summary: String, rows: Int, format: SpreadsheetFormat, filter: [String],
        user: CurrentUser, on request: Request
    ) async throws {
        var details = ["rows": String(rows), "format": format == .csv ? "csv" : "xlsx"]
        for name in filter {
            details[name] = (try? request.query.get(String.self, at: name)) ?? ""
        }
        try await record(
            .export, entityType: entityType, entityID: "", areaCode: user.areaCode.value,
            summary: "\(summary)（\(format == .csv ? "CSV" : "xlsx")）", after: details,
            actor: request.auditActor, at: request.now, on: request.db)
    }

    /// A received file, described by its name, digest and what checking it found.
    static func recordUpload(
        entityType: String, entityID: String, summary: String, file: String, sha256: String,
        details: AuditSnapshot, user: CurrentUser, actor: Actor, at date: Date, on database: any Database
    ) async throws {
        try await record(
            .upload, entityType: entityType, entityID: entityID, areaCode: user.areaCode.value, summary: summary,
            after: details.merging(["file": file, "sha256": sha256]) { $1 }, actor: actor, at: date, on: database)
    }
}
