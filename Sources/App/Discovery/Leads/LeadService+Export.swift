import Fluent
import Foundation
import Spreadsheet

extension LeadService {
    /// The audit record of a lead export (台账 or 预警清单): how many rows went out, in which format, with which filter.
    static func recordExport(
        _ summary: String, rows: Int, format: SpreadsheetFormat, filter: [String: String], by user: CurrentUser,
        actor: AuditLog.Actor, at date: Date, on database: any Database
    ) async throws {
        try await AuditLog.recordExport(
            of: "risk_leads", summary: "\(summary) \(rows) 条", rows: rows, format: format, filter: filter,
            user: user, actor: actor, at: date, on: database)
    }
}
