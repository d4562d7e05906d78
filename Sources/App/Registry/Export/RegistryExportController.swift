import Domain
import Fluent
import Spreadsheet
import Vapor

/// 导出: the households of a search as a registry file (one row per member, the columns the import reads), in CSV or
/// xlsx. Personal data is masked for roles that may not see it in full; every export is written to the audit trail.
struct RegistryExportController {
    /// The most households one export may hold; an xlsx is also bounded by the rows a sheet can have.
    static let maximumHouseholds = 1_000_000

    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "xlsx" ? .xlsx : .csv
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let database = request.reportDB
        let query = try await search.query(scope: user.scope, on: database)
        // Counted first, so that a refusal comes before any row is sent and the audit record can say what goes out.
        let households = try await query?.count() ?? 0
        let people = if let query { try await RegistryExportStore.people(in: query) } else { 0 }
        guard households <= Self.maximumHouseholds else {
            throw AppError.exportTooLarge(maximum: Self.maximumHouseholds, households: households)
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
            actor: request.auditActor, at: request.now, on: request.db
        )
        let (role, scope) = (user.role, user.scope)
        return try await .streamedSpreadsheet(
            format: format, baseName: "households-\(request.today)", sheetName: "农户登记表", on: request
        ) { emit in
            try await emit([RegistryExport.header])
            // Built again here: a query builder cannot cross into the stream's task.
            guard let query = try await search.query(scope: scope, on: database) else { return }
            try await RegistryExportStore.inBatches(of: query) { batch in
                try await emit(try await RegistryExportStore.memberRows(of: batch, maskedFor: role, on: database))
            }
        }
    }
}
