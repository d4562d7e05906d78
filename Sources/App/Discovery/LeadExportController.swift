import Domain
import Fluent
import Spreadsheet
import Vapor

/// 台账导出 and 半月预警清单: the ledger as a spreadsheet, and the warning list of open leads that are overdue or
/// about to be, for the half-monthly report.
struct LeadExportController {
    static let header = ["接收时间", "户编号", "户主", "村代码", "风险类型", "渠道", "来源数", "状态", "本环节时限", "时限状态", "全程时限", "结果说明"]

    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let rows = try await LeadController.ledger(for: user, filter: try request.query.decode(LeadController.LedgerFilter.self), on: request)
        return try file(rows, name: "leads", request: request, user: user, summary: "导出风险线索台账")
    }

    func warning(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var filter = LeadController.LedgerFilter()
        filter.state = "open"
        let rows = try await LeadController.ledger(for: user, filter: filter, on: request)
            .filter { $0.urgency == .overdue || $0.urgency == .dueSoon }
            .sorted { $0.lead.stepDueAt < $1.lead.stepDueAt }
        if (try? request.query.get(String.self, at: "format")) != nil {
            return try file(rows, name: "warning-list", request: request, user: user, summary: "导出半月预警清单")
        }
        return .html(LeadPages.warning(user: user, rows: rows, today: request.today))
    }

    private func file(_ rows: [LeadPages.Row], name: String, request: Request, user: CurrentUser, summary: String) throws -> Response {
        let table = [Self.header] + rows.map { row -> [String] in
            let lead = row.lead
            return [
                DisplayFormat.minute(lead.receivedAt), lead.$household.value?.householdNumber ?? "", lead.$household.value?.headName ?? "",
                lead.villageCode, RiskType(rawValue: lead.riskType)?.label ?? lead.riskType, LeadChannel(rawValue: lead.channel)?.label ?? lead.channel,
                String(lead.sourceCount), LeadState(rawValue: lead.state)?.label ?? lead.state,
                row.urgency == nil ? "" : DisplayFormat.minute(lead.stepDueAt), row.urgency?.label ?? "已办结",
                DisplayFormat.minute(lead.dueAt), lead.outcomeReason ?? "",
            ]
        }
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "csv" ? .csv : .xlsx
        request.logger.info("\(summary): \(rows.count) rows for \(user.username)")
        return try .spreadsheet(table, format: format, baseName: "\(name)-\(request.today)", sheetName: "风险线索")
    }
}
