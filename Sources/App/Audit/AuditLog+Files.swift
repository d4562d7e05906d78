import Fluent
import Foundation
import Spreadsheet
import Vapor

/// The audit records of files going out (exports) and coming in (uploads, previews): who, when, which area, with
/// which filter, how many rows.
extension AuditLog {
    /// An export of `rows` rows, with the filter it was made with (each parameter as the request gave it).
    static func recordExport(
        of entityType: String, summary: String, rows: Int, format: SpreadsheetFormat, filter: [String: String],
        user: CurrentUser, actor: Actor, at date: Date, on database: any Database
    ) async throws {
        let details = filter.merging(["rows": String(rows), "format": format == .csv ? "csv" : "xlsx"]) { $1 }
        try await record(
            .export, entityType: entityType, entityID: "", areaCode: user.areaCode.value,
            summary: "\(summary)（\(format == .csv ? "CSV" : "xlsx")）", after: details,
            actor: actor, at: date, on: database)
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
