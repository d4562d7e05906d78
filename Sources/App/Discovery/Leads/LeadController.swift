import Domain
import Fluent
import SQLKit
import Vapor

/// 风险线索台账 (web): the closed-loop ledger of the area, one lead's sources and steps, the actions of each level,
/// and the hotline/self-report entry form.
struct LeadController {
    struct LedgerFilter: Content {
        var state: String?
        var channel: String?
        var urgency: String?
        /// A township or village inside the user's area: the ledger of that part only.
        var area: String?
        var offset: Int?
    }

    static let pageSize = 100

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try request.query.decode(LedgerFilter.self)
        let offset = try NumberInput.offset.check(filter.offset) ?? 0
        let page = try await Self.ledgerPage(for: user, filter: filter, offset: offset, limit: Self.pageSize, on: request)
        let parts = try await AreaDirectory.children(of: user.areaCode.value, on: request.db)
            .filter { AreaCode($0.code).map { [.township, .village].contains($0.level) } ?? false }
        return .html(LeadPages.ledger(user: user, filter: filter, rows: page.rows, total: page.total, offset: offset, now: request.now,
                                      areas: parts.map { ($0.code, $0.name) }))
    }

    /// One page of the ledger, newest first, and how many leads the filter matches. The database pages and counts;
    /// with an urgency filter only the open leads' deadlines are read to pick the page, as urgency moves with time.
    static func ledgerPage(for user: CurrentUser, filter: LedgerFilter, offset: Int, limit: Int,
                           on request: Request) async throws -> (rows: [LeadPages.Row], total: Int) {
        let condition = try ledgerCondition(for: user, filter: filter)
        if let wanted = filter.urgency.flatMap(LeadUrgency.init(rawValue:)) {
            let matching = try await openLeads(where: condition, urgency: wanted, on: request)
            return (try await ledgerRows(Array(matching.dropFirst(offset).prefix(limit)), on: request), matching.count)
        }
        // Plain rows: this page lists a hundred leads with their households, and Fluent's decoding of those two
        // hundred models was half of its CPU time.
        let total = try await request.db.sql.raw("SELECT COUNT(*) AS count FROM risk_leads WHERE \(condition)").first(decoding: Count.self)?.count ?? 0
        let leads = try await request.db.plainRows(RiskLead.self, """
            WHERE \(condition) ORDER BY received_at DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """)
        return (try await withHouseholds(leads, on: request), total)
    }

    /// The ids of every lead the filter matches, in the ledger's order: an export reads them first (sixteen bytes a
    /// lead, however many the province has), then the leads a batch at a time (`ledgerRows`).
    static func ledgerIDs(for user: CurrentUser, filter: LedgerFilter, on request: Request) async throws -> [UUID] {
        let condition = try ledgerCondition(for: user, filter: filter)
        if let wanted = filter.urgency.flatMap(LeadUrgency.init(rawValue:)) {
            return try await openLeads(where: condition, urgency: wanted, on: request)
        }
        return try await request.db.sql.raw("SELECT id FROM risk_leads WHERE \(condition) ORDER BY received_at DESC, id")
            .all(decoding: LeadID.self).map(\.id)
    }

    /// 半月预警: the open leads of the scope that are overdue or due soon, the earliest deadline first.
    static func warningList(for user: CurrentUser, on request: Request) async throws -> [(id: UUID, urgency: LeadUrgency)] {
        var filter = LedgerFilter()
        filter.state = "open"
        return try await openDeadlines(where: try ledgerCondition(for: user, filter: filter), on: request)
            .filter { $0.urgency == .overdue || $0.urgency == .dueSoon }
            .sorted { ($0.due, $0.id.uuidString) < ($1.due, $1.id.uuidString) }
            .map { ($0.id, $0.urgency) }
    }

    /// The ledger rows of these leads, in the order given, with their households.
    static func ledgerRows(_ ids: [UUID], on request: Request) async throws -> [LeadPages.Row] {
        guard !ids.isEmpty else { return [] }
        var found: [UUID: RiskLead] = [:]
        for lead in try await request.db.plainRows(RiskLead.self, "WHERE \(BoundIDList(ids, sql: try request.db.sql).contains("id"))") {
            found[try lead.requireID()] = lead
        }
        return try await withHouseholds(ids.compactMap { found[$0] }, on: request)
    }

    private static func ledgerCondition(for user: CurrentUser, filter: LedgerFilter) throws -> SQLQueryString {
        guard user.role.canReadLeads else { throw Abort(.forbidden, reason: "行业部门不查看风险线索台账。") }
        var scope = user.scope
        if let text = filter.area?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let code = AreaCode(text), user.scope.includes(code) else {
                throw ValidationFailure(problems: [.init(field: "area", message: "区划 \(text) 不在本辖区内。")])
            }
            scope = user.scope.narrowed(to: code)
        }
        var conditions: [SQLQueryString] = [scope.leadPredicate()]
        if let state = filter.state, !state.isEmpty {
            conditions.append(state == "open" ? "state IN (\(binds: LeadIntake.openStates))" : "state = \(bind: state)")
        }
        if let channel = filter.channel, !channel.isEmpty { conditions.append("channel = \(bind: channel)") }
        return conditions.joined(separator: " AND ")
    }

    /// The ids of the open leads under the condition whose deadline is in the state `urgency` as of now, newest first.
    private static func openLeads(where condition: SQLQueryString, urgency: LeadUrgency, on request: Request) async throws -> [UUID] {
        try await openDeadlines(where: condition, on: request).filter { $0.urgency == urgency }.map(\.id)
    }

    /// The open leads' deadlines under the condition, newest lead first, with their urgency as of now.
    private static func openDeadlines(where condition: SQLQueryString, on request: Request) async throws -> [(id: UUID, due: Date, urgency: LeadUrgency)] {
        let now = request.now
        let policies = try await LeadPolicies.table(on: request.db)
        return try await request.db.sql.raw("""
            SELECT id, state, village_code, step_started_at, step_due_at FROM risk_leads
            WHERE \(condition) AND state IN (\(binds: LeadIntake.openStates)) ORDER BY received_at DESC, id
            """).all(decoding: OpenDeadline.self).map { row in
            (row.id, row.step_due_at, LeadPolicies.urgency(state: row.state, village: row.village_code, due: row.step_due_at,
                                                           started: row.step_started_at, now: now, table: policies) ?? .onTime)
        }
    }

    private static func withHouseholds(_ leads: [RiskLead], on request: Request) async throws -> [LeadPages.Row] {
        var households: [UUID: Household] = [:]
        if !leads.isEmpty {
            let ids = BoundIDList(Set(leads.map { $0.$household.id }), sql: try request.db.sql)
            for household in try await request.db.plainRows(Household.self, "WHERE \(ids.contains("households.id"))") {
                households[try household.requireID()] = household
            }
        }
        for lead in leads { lead.$household.value = households[lead.$household.id] }
        let now = request.now
        let policies = try await LeadPolicies.table(on: request.db)
        let places = try await AreaDirectory.qualifiedNames(of: Array(Set(leads.map(\.villageCode))), on: request.db)
        return leads.map { LeadPages.Row(lead: $0, urgency: LeadPolicies.urgency(of: $0, now: now, table: policies), place: places[$0.villageCode]) }
    }

    private struct OpenDeadline: Decodable {
        let id: UUID
        let state: String
        let village_code: String
        let step_started_at: Date
        let step_due_at: Date
    }
    private struct LeadID: Decodable { let id: UUID }
    private struct Count: Decodable { let count: Int }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return .html(LeadPages.detail(try await Self.detail(request, user: user), problems: []))
    }

    static func detail(_ request: Request, user: CurrentUser) async throws -> LeadPages.Detail {
        guard user.role.canReadLeads else { throw Abort(.forbidden, reason: "行业部门不查看风险线索。") }
        let lead = try await request.scoped(RiskLead.self).find(request.parameters.get("id", as: UUID.self))
        try await lead.$household.load(on: request.db)
        let leadID = try lead.requireID()
        let sources = try await LeadSource.query(on: request.db).filter(\.$lead.$id == leadID).sort(\.$receivedAt).all()
        let steps = try await LeadStep.query(on: request.db).filter(\.$lead.$id == leadID).sort(\.$at).all()
        let urgency = LeadPolicies.urgency(of: lead, now: request.now, table: try await LeadPolicies.table(on: request.db))
        // The household's other leads: where this one may be merged, what was merged into it, what it follows.
        let others = try await RiskLead.query(on: request.db).filter(\.$household.$id == lead.$household.id).filter(\.$id != leadID)
            .sort(\.$receivedAt, .descending).all()
        let mergedIn = try await request.scoped(RiskLead.self).query().filter(\.$mergedInto == leadID.uuidString.lowercased()).all()
        let information = try await CaseInformation.query(on: request.db).filter(\.$leadID == leadID).sort(\.$receivedAt).all()
        return LeadPages.Detail(user: user, lead: lead, sources: sources, steps: steps, urgency: urgency, now: request.now,
                                mergeTargets: others.filter(LeadService.canMerge(into:)), mergedIn: mergedIn,
                                related: others.filter { $0.id == lead.followsLeadID || $0.followsLeadID == leadID
                                    || $0.id.map { $0.uuidString.lowercased() } == lead.mergedInto },
                                information: information)
    }

    /// One level's decision on the lead, checked by the workflow; the next step's deadline starts now.
    func act(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let lead = try await request.scoped(RiskLead.self).find(request.parameters.get("id", as: UUID.self))
        do {
            let action = try LeadAction(command: request.formText("action"), at: lead, text: request.formText("text"), reference: request.formText("reference"))
            try await Self.apply(action, to: lead, user: user, on: request)
        } catch let failure as ValidationFailure {
            return .html(LeadPages.detail(try await Self.detail(request, user: user), problems: failure.problems), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.lead.path(try lead.requireID()))
    }

    static func apply(_ action: LeadAction, to lead: RiskLead, user: CurrentUser, on request: Request) async throws {
        try await LeadService.apply(action, to: lead, by: user, actor: request.auditActor, at: request.now,
                                    calendar: request.application.workingDayCalendar, on: request.db)
    }
}

extension LeadAction {
    /// The action a web form or API call names (`confirm`, `reject`, `merge`, and at a village's proposed rejection
    /// `confirmRejection` or `returnToVillage`), taken at the lead's current level.
    init(command: String, at lead: RiskLead, text rawText: String, reference: String) throws {
        let text = rawText.trimmingCharacters(in: .whitespacesAndNewlines)
        let level = LeadState(rawValue: lead.state)?.level
        switch (command, level) {
        case ("", _): throw ValidationFailure(problems: [.init(field: "action", message: "请选择办理结果。")])
        case ("confirmRejection", _): self = .townshipConfirmRejection(opinion: text)
        case ("returnToVillage", _): self = .townshipReturnToVillage(opinion: text)
        case ("confirm", .village?): self = .villageConfirm(opinion: text)
        case ("confirm", .township?): self = .townshipConfirm(opinion: text)
        case ("confirm", _): self = .countyInclude(opinion: text)
        case ("reject", .village?): self = .villageReject(reason: text)
        case ("reject", .township?): self = .townshipReject(reason: text)
        case ("reject", _): self = .countyReject(reason: text)
        case ("merge", _): self = .mergeInto(leadOrCaseReference: reference, reason: text)
        default: throw ValidationFailure(problems: [.init(field: "action", message: "办理操作应为 confirm（属实/纳入）、reject（排除）、merge（并入）、confirmRejection（确认排除）或 returnToVillage（退回村级）。")])
        }
    }

    /// The opinion or reason the actor wrote.
    var text: String {
        switch self {
        case let .villageConfirm(opinion), let .townshipConfirm(opinion), let .countyInclude(opinion),
             let .townshipConfirmRejection(opinion), let .townshipReturnToVillage(opinion): opinion
        case let .villageReject(reason), let .townshipReject(reason), let .countyReject(reason): reason
        case let .mergeInto(_, reason): reason
        }
    }
}
