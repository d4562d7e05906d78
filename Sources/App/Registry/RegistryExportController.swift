import Domain
import Fluent
import Spreadsheet
import Vapor

/// 导出: the households of a search as a registry file (one row per member, the columns the import reads), in CSV or
/// xlsx. Personal data is masked for roles that may not see it in full; every export is written to the audit trail.
struct RegistryExportController {
    static let maximumHouseholds = 300_000

    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "xlsx" ? .xlsx : .csv
        let search = try request.query.decode(HouseholdSearch.self).validated()
        var rows = [RegistryExport.header]
        var householdCount = 0
        if let query = try await search.query(scope: user.scope, on: request.reportDB) {
            let households = try await query.sort(\.$villageCode).sort(\.$householdNumber).limit(Self.maximumHouseholds + 1).all()
            guard households.count <= Self.maximumHouseholds else {
                throw Abort(.badRequest, reason: "一次最多导出 \(Self.maximumHouseholds) 户，请缩小范围后再导出。")
            }
            householdCount = households.count
            rows += try await Self.memberRows(of: households, maskedFor: user.role, on: request.reportDB)
        }
        try await AuditLog.record(
            .export, entityType: "registry", entityID: "", areaCode: user.areaCode.value,
            summary: "导出农户登记表 \(householdCount) 户、\(rows.count - 1) 人（\(format == .csv ? "CSV" : "xlsx")）",
            after: ["q": search.q ?? "", "area": search.area ?? "", "type": search.type ?? "", "status": search.status ?? "",
                    "masked": user.role.seesFullPersonalData ? "否" : "是"],
            actor: request.auditActor, at: request.now, on: request.db
        )
        return try .spreadsheet(rows, format: format, baseName: "households-\(request.today)", sheetName: "农户登记表")
    }

    /// Member rows in household order, departed members left out, loaded in batches rather than one query per household.
    static func memberRows(of households: [Household], maskedFor role: Role, on database: any Database) async throws -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(households.count * 3)
        for chunk in households.chunked(into: 5_000) {
            let byHousehold = try await MemberRow.present(inHouseholds: chunk.compactMap(\.id), on: database)
            for household in chunk {
                guard let id = household.id, let fields = household.registryFields else { continue }
                let ordered = (byHousehold[id] ?? []).sorted { RelationToHead.order($0.relation) < RelationToHead.order($1.relation) }
                for member in ordered {
                    guard let record = member.record else { continue }
                    var cells = RegistryExport.cells(household: fields, member: record)
                    if !role.seesFullPersonalData { mask(&cells) }
                    rows.append(cells)
                }
            }
        }
        return rows
    }

    private static func mask(_ cells: inout [String]) {
        for (index, column) in RegistryColumn.allCases.enumerated() where index < cells.count {
            switch column {
            case .idNumber: cells[index] = PersonalDataMask.identityNumber(cells[index])
            case .phone: cells[index] = PersonalDataMask.phone(cells[index])
            case .bankAccount: cells[index] = PersonalDataMask.bankAccount(cells[index])
            case .health, .disabilityGrade: cells[index] = cells[index].isEmpty ? "" : "（已隐藏）"
            default: break
            }
        }
    }
}
