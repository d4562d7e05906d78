import Domain
import Fluent
import Spreadsheet
import Vapor

/// 台账导出 and 半月预警清单: the ledger as a spreadsheet, and the half-monthly report (seed 002: 每半个月报送一次预警
/// 人员名单): the households flagged at risk in the half month, beside the open leads that are overdue or about to be.
struct LeadExportController {
    static let header = ["接收时间", "户编号", "户主", "村代码", "风险类型", "渠道", "来源数", "状态", "本环节时限", "时限状态", "全程时限", "结果说明"]

    /// Leads read per step of an export.
    static let leadsPerBatch = 2_000

    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let ids = try await LeadService.ledgerIDs(
            for: user, filter: try request.query.decode(LeadService.LedgerFilter.self), at: request.now,
            on: request.db)
        return try await file(ids, name: "leads", request: request, user: user, summary: "导出风险线索台账")
    }

    static let flaggedHeader = ["户编号", "户主", "村代码", "风险类型", "发现渠道", "线索数", "首次接收", "当前状态"]

    func warning(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let half = HalfMonth(
            containing: (try? request.query.get(String.self, at: "half")).flatMap(CivilDate.init) ?? request.today)
        let format = try? request.query.get(String.self, at: "format")
        if format != nil, (try? request.query.get(String.self, at: "list")) == "flagged" {
            let flagged = try await LeadService.flagged(in: half, for: user, at: request.now, on: request.db)
            request.logger.info("导出半月预警名单: \(flagged.count) households for \(user.username)")
            return try await .streamedSpreadsheet(
                format: format == "csv" ? .csv : .xlsx, baseName: "flagged-\(half.first)", sheetName: "预警名单",
                on: request
            ) { emit in
                try await emit([Self.flaggedHeader] + flagged.map(\.cells))
            }
        }
        let list = try await LeadService.warningList(for: user, at: request.now, on: request.db)
        if format != nil {
            return try await file(
                list.map(\.id), name: "warning-list", request: request, user: user, summary: "导出半月预警清单")
        }
        let shown = try await LeadService.ledgerRows(
            list.prefix(LeadPages.warningPageLimit).map(\.id), at: request.now, on: request.db)
        let flagged = try await LeadService.flagged(in: half, for: user, at: request.now, on: request.db)
        return .html(
            LeadPages.warning(
                user: user, rows: shown, overdue: list.count { $0.urgency == .overdue },
                dueSoon: list.count { $0.urgency == .dueSoon }, today: request.today,
                half: half, flagged: Array(flagged.prefix(LeadPages.warningPageLimit)), flaggedTotal: flagged.count))
    }

    /// The leads as a spreadsheet, read and written a batch at a time in the order of `ids`.
    private func file(
        _ ids: [UUID], name: String, request: Request, user: CurrentUser, summary: String
    ) async throws -> Response {
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "csv" ? .csv : .xlsx
        request.logger.info("\(summary): \(ids.count) rows for \(user.username)")
        let filter = ["state", "channel", "urgency"].reduce(into: [String: String]()) { filter, name in
            filter[name] = (try? request.query.get(String.self, at: name)) ?? ""
        }
        try await LeadService.recordExport(
            summary, rows: ids.count, format: format, filter: filter, by: user, actor: request.auditActor,
            at: request.now, on: request.db)
        return try await .streamedSpreadsheet(
            format: format, baseName: "\(name)-\(request.today)", sheetName: "风险线索", on: request
        ) { emit in
            try await emit([Self.header])
            for batch in ids.chunked(into: Self.leadsPerBatch) {
                try await emit(try await LeadService.ledgerRows(batch, at: request.now, on: request.db).map(Self.cells))
            }
        }
    }

    private static func cells(_ row: LeadPages.Row) -> [String] {
        let lead = row.lead
        return [
            DisplayFormat.minute(lead.receivedAt), lead.$household.value?.householdNumber ?? "",
            lead.$household.value?.headName ?? "",
            lead.villageCode, lead.risk?.label ?? lead.riskType, lead.leadChannel?.label ?? lead.channel,
            String(lead.sourceCount), lead.leadState?.label ?? lead.state,
            row.urgency == nil ? "" : DisplayFormat.minute(lead.stepDueAt), row.urgency?.label ?? "已办结",
            DisplayFormat.minute(lead.dueAt), lead.outcomeReason ?? "",
        ]
    }
}
