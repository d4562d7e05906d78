import Domain
import Fluent
import Vapor

extension API {
    struct DepartmentPush: Content {
        let kind: String
        /// Rows keyed by the file's Chinese headers (身份证号, 姓名, 日期, 金额（元）…) or by field names
        /// (idNumber, name, date, amount, grade, level, note).
        let records: [[String: String]]
        /// The sender's reference for the push (shown in the exchange history).
        let reference: String?
    }

    struct DepartmentBatchItem: Content {
        let id: UUID
        let kind: String
        let status: String
        let rowCount: Int
        let newEvents: Int
        let repeatedEvents: Int
        let matched: Int
        let unmatched: Int
        let problems: [ImportProblem]
    }

    struct LeadItem: Content {
        let id: UUID
        let householdID: UUID
        let riskType: String
        let channel: String
        let state: String
        let receivedAt: Date
        let stepDueAt: Date
        let dueAt: Date
        let urgency: String?
        let sourceCount: Int
        let outcomeReason: String?
    }

    struct LeadActionRequest: Content {
        /// `confirm`, `reject`, `merge` (with `reference`: the id of the lead to join), and at a village's proposed
        /// rejection `confirmRejection` or `returnToVillage`.
        let action: String
        let text: String?
        let reference: String?
    }
}

/// Discovery for API clients: departments push their data; the ledger can be read and worked.
struct DiscoveryAPIController {
    /// The most records one push may carry.
    static let maximumRecords = 200_000

    func push(_ request: Request) async throws -> API.DepartmentBatchItem {
        let user = try request.requireUser()
        let body = try request.content.decode(API.DepartmentPush.self)
        guard let kind = DepartmentEventKind(rawValue: body.kind) else {
            throw ValidationFailure(problems: [.init(field: "kind", message: "数据类别「\(body.kind)」不在代码表中。")])
        }
        guard DepartmentService.mayUpload(kind, user) else { throw AppError.forbidden(.sendDepartmentData) }
        guard !body.records.isEmpty, body.records.count <= Self.maximumRecords else {
            throw AppError.recordCountOutOfRange(maximum: Self.maximumRecords)
        }
        let parsed = DepartmentRowParser.parse(kind: kind, records: body.records, today: request.today)
        let digest = RegistryImporter.sha256(try JSONEncoder().encode(body.records))
        let batch = try await DepartmentIngest.ingest(
            kind: kind, parsed: parsed, source: "api", fileName: body.reference ?? "接口推送",
            sha256: digest, user: user, actor: request.auditActor, at: request.now,
            calendar: request.application.workingDayCalendar, on: request.db
        ).batch
        let problems = (try? JSONDecoder().decode([ImportProblem].self, from: Data(batch.problemsJSON.utf8))) ?? []
        let item = API.DepartmentBatchItem(
            id: try batch.requireID(), kind: batch.kind, status: batch.status, rowCount: batch.rowCount,
            newEvents: batch.newEvents, repeatedEvents: batch.repeatedEvents, matched: batch.matched,
            unmatched: batch.unmatched, problems: problems)
        guard batch.status == "accepted" else {
            throw ValidationFailure(
                problems: problems.map {
                    FieldProblem(field: "records[\($0.row - 1)].\($0.column)", message: $0.message)
                })
        }
        return item
    }

    func leads(_ request: Request) async throws -> API.Page<API.LeadItem> {
        let user = try request.requireUser()
        let filter = try request.query.decode(LeadService.LedgerFilter.self)
        let limit = try request.queryNumber(.limit(upTo: 500)) ?? 50
        let offset = try NumberInput.offset.check(filter.offset) ?? 0
        let page = try await LeadService.ledgerPage(
            for: user, filter: filter, offset: offset, limit: limit, at: request.now, on: request.db)
        return .init(items: page.rows.compactMap { API.LeadItem($0) }, total: page.total, limit: limit, offset: offset)
    }

    func lead(_ request: Request) async throws -> API.LeadItem {
        let user = try request.requireUser()
        let detail = try await LeadService.detail(
            of: request.parameters.get("id", as: UUID.self), for: user, at: request.now, on: request.db)
        guard let item = API.LeadItem(LeadPages.Row(lead: detail.lead, urgency: detail.urgency)) else {
            throw AppError.recordNotFound
        }
        return item
    }

    func act(_ request: Request) async throws -> API.LeadItem {
        let user = try request.requireUser()
        // the lead first: outside the caller's area there is nothing, whatever the body says
        let lead = try await request.scoped(RiskLead.self).find(request.parameters.get("id", as: UUID.self))
        let body = try request.content.decode(API.LeadActionRequest.self)
        let action = try LeadAction(
            command: body.action, at: lead, text: body.text ?? "", reference: body.reference ?? "")
        try await LeadService.apply(
            action, to: lead, by: user, actor: request.auditActor, at: request.now,
            calendar: request.application.workingDayCalendar, on: request.db)
        guard
            let item = API.LeadItem(
                LeadPages.Row(
                    lead: lead,
                    urgency: LeadPolicies.urgency(
                        of: lead, now: request.now,
                        table: try await LeadPolicies.table(on: request.db))))
        else { throw AppError.recordNotFound }
        return item
    }
}

extension API.LeadItem {
    init?(_ row: LeadPages.Row) {
        guard let id = row.lead.id else { return nil }
        self.init(
            id: id, householdID: row.lead.$household.id, riskType: row.lead.riskType, channel: row.lead.channel,
            state: row.lead.state,
            receivedAt: row.lead.receivedAt, stepDueAt: row.lead.stepDueAt, dueAt: row.lead.dueAt,
            urgency: row.urgency?.rawValue,
            sourceCount: row.lead.sourceCount, outcomeReason: row.lead.outcomeReason)
    }
}
