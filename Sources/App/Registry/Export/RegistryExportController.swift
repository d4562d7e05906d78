import Domain
import Fluent
import Spreadsheet
import Vapor

/// 导出: the households of a search as a registry file (one row per member, the columns the import reads), in CSV or
/// xlsx. Personal data is masked for roles that may not see it in full; every export is written to the audit trail.
struct RegistryExportController {
    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "xlsx" ? .xlsx : .csv
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let database = request.reportDB
        try await RegistryExportService.open(
            search, format: format, by: user, actor: request.auditActor, at: request.now, counting: database,
            on: request.db)
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
