import Domain
import Fluent
import Foundation
import Spreadsheet

/// 导出: what an export of a search may send, checked and audited before any row goes out.
enum RegistryExportService {
    /// The most households one export may hold; an xlsx is also bounded by the rows a sheet can have.
    static let maximumHouseholds = 1_000_000

    /// Counts the households and people of `search` in the user's area, refuses an export over the limits, and
    /// writes the audit record saying what goes out (counted first, so a refusal comes before any row is sent).
    static func open(
        _ search: HouseholdSearch, format: SpreadsheetFormat, by user: CurrentUser, actor: AuditLog.Actor,
        at date: Date, counting countingDatabase: any Database, on database: any Database
    ) async throws {
        let query = try await search.query(scope: user.scope, on: countingDatabase)
        let households = try await query?.count() ?? 0
        let people = if let query { try await RegistryExportStore.people(in: query) } else { 0 }
        guard households <= maximumHouseholds else {
            throw AppError.exportTooLarge(maximum: maximumHouseholds, households: households)
        }
        if format == .xlsx, people >= XLSXFileWriter.sheetRowLimit {
            throw AppError.sheetRowsExceeded(limit: XLSXFileWriter.sheetRowLimit, people: people)
        }
        try await AuditLog.record(
            .export, entityType: "registry", entityID: "", areaCode: user.areaCode.value,
            summary: "导出农户登记表 \(households) 户、\(people) 人（\(format == .csv ? "CSV" : "xlsx")）",
            after: [
                "q": search.q ?? "", "area": search.area ?? "", "type": search.type ?? "",
                "status": search.status ?? "",
                "masked": user.role.seesFullPersonalData ? "否" : "是",
            ],
            actor: actor, at: date, on: database
        )
    }
}
