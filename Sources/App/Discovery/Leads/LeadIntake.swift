import Crypto
import Domain
import Fluent
import SQLKit
import Foundation

/// 线索受理: every channel's signal about a household becomes a source of the one open lead for that household and
/// risk; a new lead only when none is open. The same finding reported again adds nothing.
struct LeadSignal: Sendable {
    let householdID: UUID
    let villageCode: String
    let riskType: RiskType
    let channel: LeadChannel
    /// What raised it, e.g. `screening:<run id>`, `department:<batch id>`, `visit:<visit id>`.
    let reference: String
    let ruleKind: ScreeningRuleKind?
    let ruleVersion: Int?
    let values: [String: String]
    let message: String
    let reporter: String
    /// Identifies the finding itself (not the run that found it), so reruns and resent files are recognised.
    let fingerprint: String
}

enum LeadIntake {
    enum Outcome: Equatable {
        case created
        case corroborated
        case repeated
        /// Kept as information on the household's case (`CaseInformation`).
        case attached
        /// A closed lead already settled this finding (`LeadRecurrence`).
        case settled
    }

    static let openStates = LeadState.allCases.filter { !$0.isTerminal }.map(\.rawValue)

    /// Files the signals in one pass, each decided by `LeadRecurrence` against the households' leads (open and
    /// closed, with the findings they hold), their monitoring status and the lead policy in force in their village:
    /// new leads, sources and case information are inserted together.
    static func receive(
        _ signals: [LeadSignal], at now: Date, policies: PolicyTable<LeadDeadlinePolicy>, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> [Outcome] {
        guard !signals.isEmpty else { return [] }
        let sql = try database.sql
        let households = BoundIDList(Set(signals.map(\.householdID)), sql: sql)
        var history: [UUID: [LeadRecurrence.PastLead]] = [:]
        var leads: [UUID: (household: UUID, risk: RiskType, state: LeadState, closedAt: Date?)] = [:]
        for lead in try await LeadIntakeStore.leads(of: households, sql: sql) {
            guard let risk = RiskType(rawValue: lead.risk_type), let state = LeadState(rawValue: lead.state) else {
                continue
            }
            leads[lead.id] = (lead.household_id, risk, state, lead.closed_at)
        }
        let findings = leads.isEmpty ? [:] : try await LeadIntakeStore.findings(of: leads.keys, sql: sql)
        for (id, lead) in leads {
            history[lead.household, default: []].append(
                .init(
                    id: id, riskType: lead.risk, state: lead.state, closedAt: lead.closedAt,
                    findings: findings[id] ?? []))
        }
        let monitored = try await LeadIntakeStore.monitored(among: households, sql: sql)
        var informed = try await LeadIntakeStore.informed(among: households, sql: sql)

        var outcomes: [Outcome] = []
        var newLeads: [[any Encodable & Sendable]] = []
        var newSources: [[any Encodable & Sendable]] = []
        var information: [[any Encodable & Sendable]] = []
        // Keys in increasing order (`UUID.timeOrdered`): each signal adds at most one lead and one source, and they go
        // side by side at the end of the key indexes instead of one random page each.
        let leadIDs = UUID.timeOrdered(count: signals.count, at: now)
        let sourceIDs = UUID.timeOrdered(count: signals.count, at: now)
        var corroborated: [UUID: Int] = [:]
        let today = ChinaTime.civilDate(of: now)
        var policyByVillage: [String: LeadDeadlinePolicy] = [:]
        for signal in signals {
            let policy: LeadDeadlinePolicy
            if let known = policyByVillage[signal.villageCode] {
                policy = known
            } else {
                policy = try LeadPolicies.resolve(policies, village: signal.villageCode, on: today)
                policyByVillage[signal.villageCode] = policy
            }
            let past = history[signal.householdID] ?? []
            let decision = LeadRecurrence.decide(
                riskType: signal.riskType, fingerprint: signal.fingerprint, at: now, history: past,
                status: monitored.contains(signal.householdID) ? .monitored : .notMonitored,
                quietPeriodDays: policy.quietPeriodDays)
            switch decision {
            case .alreadyHeld:
                outcomes.append(.repeated)
            case .settled:
                outcomes.append(.settled)
            case let .corroborate(leadID):
                newSources.append(sourceRow(signal, id: sourceIDs[newSources.count], leadID: leadID, at: now))
                corroborated[leadID, default: 0] += 1
                history[signal.householdID] = past.map { $0.id == leadID ? $0.holding(signal.fingerprint) : $0 }
                outcomes.append(.corroborated)
            case let .attachToCase(lead):
                guard informed.insert("\(signal.householdID)|\(signal.fingerprint)").inserted else {
                    outcomes.append(.repeated); continue
                }
                information.append([
                    UUID.generateRandom(), signal.householdID, lead, signal.riskType.rawValue, signal.channel.rawValue,
                    signal.reference, signal.ruleKind?.rawValue, signal.ruleVersion,
                    AuditLog.encodeSnapshot(signal.values),
                    signal.message, signal.reporter, now, signal.fingerprint,
                ])
                outcomes.append(.attached)
            case let .open(follows):
                let leadID = leadIDs[newLeads.count]
                let stepDue =
                    policy.due(
                        channel: signal.channel, level: .village, stepStarted: now, received: now, calendar: calendar)?
                    .due ?? now
                let totalDue =
                    policy.totalDue(channel: signal.channel, received: now, calendar: calendar)?.due
                    ?? chainedDue(channel: signal.channel, from: now, policy: policy, calendar: calendar)
                newLeads.append([
                    leadID, signal.householdID, signal.villageCode, signal.riskType.rawValue, signal.channel.rawValue,
                    LeadState.initial.rawValue, now, now, stepDue, max(totalDue, stepDue), Date?.none, String?.none,
                    String?.none, 1, follows, now, now,
                ])
                newSources.append(sourceRow(signal, id: sourceIDs[newSources.count], leadID: leadID, at: now))
                history[signal.householdID, default: []].append(
                    .init(
                        id: leadID, riskType: signal.riskType, state: .initial, closedAt: nil,
                        findings: [signal.fingerprint]))
                outcomes.append(.created)
            }
        }
        try await BulkInsert.insert(into: RiskLead.schema, columns: leadColumns, rows: newLeads, on: database)
        try await BulkInsert.insert(into: LeadSource.schema, columns: sourceColumns, rows: newSources, on: database)
        try await BulkInsert.insert(
            into: CaseInformation.schema, columns: informationColumns, rows: information, on: database)
        try await LeadIntakeStore.addSources(corroborated, at: now, sql: sql)
        return outcomes
    }

    /// Without an overall limit, the lead is due when its three steps would end if each took its full time.
    static func chainedDue(
        channel: LeadChannel, from received: Date, policy: LeadDeadlinePolicy, calendar: WorkingDayCalendar
    ) -> Date {
        var end = received
        for level in [LeadLevel.village, .township, .county] {
            end =
                policy.due(channel: channel, level: level, stepStarted: end, received: received, calendar: calendar)?
                .due ?? end
        }
        return end
    }

    static let leadColumns = [
        "id", "household_id", "village_code", "risk_type", "channel", "state", "received_at", "step_started_at",
        "step_due_at", "due_at", "closed_at", "outcome_reason", "merged_into", "source_count", "follows_lead_id",
        "created_at",
        "updated_at",
    ]
    static let informationColumns = [
        "id", "household_id", "lead_id", "risk_type", "channel", "reference", "rule_kind", "rule_version",
        "values_json", "message", "reporter", "received_at", "fingerprint",
    ]
    static let sourceColumns = [
        "id", "lead_id", "channel", "reference", "rule_kind", "rule_version", "values_json", "message",
        "reporter", "received_at", "fingerprint",
    ]

    private static func key(_ household: UUID, _ risk: String) -> String { "\(household)|\(risk)" }

    private static func sourceRow(
        _ signal: LeadSignal, id: UUID, leadID: UUID, at now: Date
    ) -> [any Encodable & Sendable] {
        [
            id, leadID, signal.channel.rawValue, signal.reference, signal.ruleKind?.rawValue, signal.ruleVersion,
            AuditLog.encodeSnapshot(signal.values), signal.message, signal.reporter, now, signal.fingerprint,
        ]
    }

    /// A screening hit's fingerprint: the rule, the person it names and its message.
    static func fingerprint(of hit: RuleHit) -> String {
        fingerprint(hit.kind.rawValue, hit.idNumber ?? "", hit.message)
    }

    static func fingerprint(_ parts: String...) -> String {
        Hex.string(SHA256.hash(data: Data(parts.joined(separator: "|").utf8)).prefix(16))
    }
}
