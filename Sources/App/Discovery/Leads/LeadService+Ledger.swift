import Domain
import Fluent
import Vapor

/// 风险线索台账: the closed-loop ledger of the user's area, one lead's sources and steps, the half-monthly warning
/// list; the web pages, the exports and the API read them here.
extension LeadService {
    struct LedgerFilter: Content {
        var state: String?
        var channel: String?
        var urgency: String?
        /// A township or village inside the user's area: the ledger of that part only.
        var area: String?
        var offset: Int?
    }

    /// One page of the ledger, newest first, and how many leads the filter matches. The database pages and counts;
    /// with an urgency filter only the open leads' deadlines are read to pick the page, as urgency moves with time.
    static func ledgerPage(
        for user: CurrentUser, filter: LedgerFilter, offset: Int, limit: Int, at now: Date,
        on database: any Database
    ) async throws -> (rows: [LeadPages.Row], total: Int) {
        let selection = try ledgerSelection(for: user, filter: filter)
        if let wanted = filter.urgency.flatMap(LeadUrgency.init(rawValue:)) {
            let matching = try await openLeads(selection, urgency: wanted, at: now, on: database)
            return (
                try await ledgerRows(Array(matching.dropFirst(offset).prefix(limit)), at: now, on: database),
                matching.count
            )
        }
        let total = try await LeadLedgerStore.count(selection, on: database)
        let leads = try await LeadLedgerStore.page(selection, limit: limit, offset: offset, on: database)
        return (try await withHouseholds(leads, at: now, on: database), total)
    }

    /// The ids of every lead the filter matches, in the ledger's order: an export reads them first (sixteen bytes a
    /// lead, however many the province has), then the leads a batch at a time (`ledgerRows`).
    static func ledgerIDs(
        for user: CurrentUser, filter: LedgerFilter, at now: Date, on database: any Database
    ) async throws -> [UUID] {
        let selection = try ledgerSelection(for: user, filter: filter)
        if let wanted = filter.urgency.flatMap(LeadUrgency.init(rawValue:)) {
            return try await openLeads(selection, urgency: wanted, at: now, on: database)
        }
        return try await LeadLedgerStore.ids(selection, on: database)
    }

    /// 半月预警: the open leads of the scope that are overdue or due soon, the earliest deadline first.
    static func warningList(
        for user: CurrentUser, at now: Date, on database: any Database
    ) async throws -> [(id: UUID, urgency: LeadUrgency)] {
        var filter = LedgerFilter()
        filter.state = "open"
        return try await openDeadlines(try ledgerSelection(for: user, filter: filter), at: now, on: database)
            .filter { $0.urgency == .overdue || $0.urgency == .dueSoon }
            .sorted { ($0.due, $0.id.uuidString) < ($1.due, $1.id.uuidString) }
            .map { ($0.id, $0.urgency) }
    }

    /// The ledger rows of these leads, in the order given, with their households.
    static func ledgerRows(_ ids: [UUID], at now: Date, on database: any Database) async throws -> [LeadPages.Row] {
        guard !ids.isEmpty else { return [] }
        var found: [UUID: RiskLead] = [:]
        for lead in try await LeadLedgerStore.leads(ids, on: database) {
            found[try lead.requireID()] = lead
        }
        return try await withHouseholds(ids.compactMap { found[$0] }, at: now, on: database)
    }

    /// The households of the user's area with a lead received in the half month (China time), in household-number
    /// order.
    static func flagged(
        in half: HalfMonth, for user: CurrentUser, at now: Date, on database: any Database
    ) async throws -> [LeadPages.Flagged] {
        try user.require(.readLeads)
        let from = ChinaTime.startOfDay(half.first), to = ChinaTime.startOfDay(half.last.adding(days: 1))
        let ids = try await LeadLedgerStore.receivedIDs(in: user.scope, from: from, to: to, on: database)
        let rows = try await ledgerRows(ids, at: now, on: database)
        return Dictionary(grouping: rows, by: { $0.lead.$household.id }).values
            .map { LeadPages.Flagged(household: $0.first?.lead.$household.value, leads: $0.map(\.lead)) }
            .sorted { ($0.household?.householdNumber ?? "") < ($1.household?.householdNumber ?? "") }
    }

    /// One lead of the user's area with its sources, steps, related leads and the information attached to its case.
    static func detail(
        of id: UUID?, for user: CurrentUser, at now: Date, on database: any Database
    ) async throws -> LeadPages.Detail {
        try user.require(.readLeads)
        let scoped = ScopedData<RiskLead>(scope: user.scope, database: database)
        let lead = try await scoped.find(id)
        try await lead.$household.load(on: database)
        let leadID = try lead.requireID()
        let sources = try await LeadSource.query(on: database).filter(\.$lead.$id == leadID).sort(\.$receivedAt).all()
        let steps = try await LeadStep.query(on: database).filter(\.$lead.$id == leadID).sort(\.$at).all()
        let urgency = LeadPolicies.urgency(of: lead, now: now, table: try await LeadPolicies.table(on: database))
        // The household's other leads: where this one may be merged, what was merged into it, what it follows.
        let others = try await RiskLead.query(on: database).filter(\.$household.$id == lead.$household.id).filter(
            \.$id != leadID
        )
        .sort(\.$receivedAt, .descending).all()
        let mergedIn = try await scoped.query().filter(\.$mergedInto == leadID.uuidString.lowercased()).all()
        let information = try await CaseInformation.query(on: database).filter(\.$leadID == leadID).sort(\.$receivedAt)
            .all()
        return LeadPages.Detail(
            user: user, lead: lead, sources: sources, steps: steps, urgency: urgency, now: now,
            mergeTargets: others.filter(canMerge(into:)), mergedIn: mergedIn,
            related: others.filter {
                $0.id == lead.followsLeadID || $0.followsLeadID == leadID
                    || $0.id.map { $0.uuidString.lowercased() } == lead.mergedInto
            },
            information: information)
    }

    private static func ledgerSelection(for user: CurrentUser, filter: LedgerFilter) throws -> LeadLedgerStore.Selection
    {
        try user.require(.readLeads)
        var scope = user.scope
        if let text = filter.area?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let code = AreaCode(text), user.scope.includes(code) else {
                throw ValidationFailure(problems: [.init(field: "area", message: "区划 \(text) 不在本辖区内。")])
            }
            scope = user.scope.narrowed(to: code)
        }
        return LeadLedgerStore.Selection(scope: scope, state: filter.state, channel: filter.channel)
    }

    /// The ids of the open leads of the selection whose deadline is in the state `urgency` as of now, newest first.
    private static func openLeads(
        _ selection: LeadLedgerStore.Selection, urgency: LeadUrgency, at now: Date,
        on database: any Database
    ) async throws -> [UUID] {
        try await openDeadlines(selection, at: now, on: database).filter { $0.urgency == urgency }.map(\.id)
    }

    /// The open leads' deadlines of the selection, newest lead first, with their urgency as of now.
    private static func openDeadlines(
        _ selection: LeadLedgerStore.Selection, at now: Date,
        on database: any Database
    ) async throws -> [(id: UUID, due: Date, urgency: LeadUrgency)] {
        let policies = try await LeadPolicies.table(on: database)
        return try await LeadLedgerStore.openDeadlines(selection, on: database).map { row in
            (
                row.id, row.step_due_at,
                LeadPolicies.urgency(
                    state: row.state, village: row.village_code, due: row.step_due_at,
                    started: row.step_started_at, now: now, table: policies) ?? .onTime
            )
        }
    }

    private static func withHouseholds(
        _ leads: [RiskLead], at now: Date, on database: any Database
    ) async throws -> [LeadPages.Row] {
        var households: [UUID: Household] = [:]
        if !leads.isEmpty {
            for household in try await LeadLedgerStore.households(Set(leads.map { $0.$household.id }), on: database) {
                households[try household.requireID()] = household
            }
        }
        for lead in leads { lead.$household.value = households[lead.$household.id] }
        let policies = try await LeadPolicies.table(on: database)
        let places = try await AreaDirectory.qualifiedNames(of: Array(Set(leads.map(\.villageCode))), on: database)
        return leads.map {
            LeadPages.Row(
                lead: $0, urgency: LeadPolicies.urgency(of: $0, now: now, table: policies),
                place: places[$0.villageCode])
        }
    }
}
