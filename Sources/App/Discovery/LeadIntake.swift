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
    }

    static let openStates = [LeadState.awaitingVillageCheck, .awaitingTownshipRecheck, .awaitingCountyReview].map(\.rawValue)

    /// Files the signals in one pass: open leads looked up per batch of households, new leads and sources inserted
    /// together.
    static func receive(_ signals: [LeadSignal], at now: Date, policy: LeadDeadlinePolicy, calendar: WorkingDayCalendar,
                        on database: any Database) async throws -> [Outcome] {
        guard !signals.isEmpty else { return [] }
        // Only the keys are read: open leads by household and risk, and the fingerprints of their sources.
        let sql = try database.sql
        var open: [String: UUID] = [:]
        for lead in try await PackedRecords.rows(["id", "household_id", "risk_type"], from: """
            risk_leads WHERE \(BoundIDList(Set(signals.map(\.householdID)), sql: sql).contains("household_id")) AND state IN (\(binds: openStates))
            """, sql: sql) {
            guard let id = lead[0].flatMap({ Hex.uuid($0.utf8) }), let household = lead[1].flatMap({ Hex.uuid($0.utf8) }) else { continue }
            open[key(household, lead[2] ?? "")] = id
        }
        var knownSources = Set<String>()
        if !open.isEmpty {
            for source in try await PackedRecords.rows(["lead_id", "fingerprint"], from: """
                lead_sources WHERE \(BoundIDList(open.values, sql: sql).contains("lead_id"))
                """, sql: sql) {
                guard let lead = source[0].flatMap({ Hex.uuid($0.utf8) }) else { continue }
                knownSources.insert("\(lead)|\(source[1] ?? "")")
            }
        }
        var outcomes: [Outcome] = []
        var newLeads: [[any Encodable & Sendable]] = []
        var newSources: [[any Encodable & Sendable]] = []
        // Keys in increasing order (`UUID.timeOrdered`): each signal adds at most one lead and one source, and they go
        // side by side at the end of the key indexes instead of one random page each.
        let leadIDs = UUID.timeOrdered(count: signals.count, at: now)
        let sourceIDs = UUID.timeOrdered(count: signals.count, at: now)
        var corroborated: [UUID: Int] = [:]
        for signal in signals {
            let leadKey = key(signal.householdID, signal.riskType.rawValue)
            if let leadID = open[leadKey] {
                guard knownSources.insert("\(leadID)|\(signal.fingerprint)").inserted else { outcomes.append(.repeated); continue }
                newSources.append(sourceRow(signal, id: sourceIDs[newSources.count], leadID: leadID, at: now))
                corroborated[leadID, default: 0] += 1
                outcomes.append(.corroborated)
                continue
            }
            let leadID = leadIDs[newLeads.count]
            let stepDue = policy.due(channel: signal.channel, level: .village, stepStarted: now, received: now, calendar: calendar)?.due ?? now
            let totalDue = policy.totalDue(channel: signal.channel, received: now, calendar: calendar)?.due
                ?? chainedDue(channel: signal.channel, from: now, policy: policy, calendar: calendar)
            newLeads.append([leadID, signal.householdID, signal.villageCode, signal.riskType.rawValue, signal.channel.rawValue,
                             LeadState.initial.rawValue, now, now, stepDue, max(totalDue, stepDue), Date?.none, String?.none,
                             String?.none, 1, now, now])
            newSources.append(sourceRow(signal, id: sourceIDs[newSources.count], leadID: leadID, at: now))
            open[leadKey] = leadID
            knownSources.insert("\(leadID)|\(signal.fingerprint)")
            outcomes.append(.created)
        }
        try await BulkInsert.insert(into: RiskLead.schema, columns: leadColumns, rows: newLeads, on: database)
        try await BulkInsert.insert(into: LeadSource.schema, columns: sourceColumns, rows: newSources, on: database)
        // Source counts grow by how many sources each lead received: one statement per increment.
        for (increment, leads) in Dictionary(grouping: corroborated.keys, by: { corroborated[$0] ?? 0 }) {
            try await sql.update(RiskLead.schema)
                .set(SQLColumn("source_count"), to: SQLBinaryExpression(SQLColumn("source_count"), .add, SQLBind(increment)))
                .set("updated_at", to: now)
                .where(BoundIDList(leads, sql: sql).contains("id"))
                .run()
        }
        return outcomes
    }

    /// Without an overall limit, the lead is due when its three steps would end if each took its full time.
    static func chainedDue(channel: LeadChannel, from received: Date, policy: LeadDeadlinePolicy, calendar: WorkingDayCalendar) -> Date {
        var end = received
        for level in [LeadLevel.village, .township, .county] {
            end = policy.due(channel: channel, level: level, stepStarted: end, received: received, calendar: calendar)?.due ?? end
        }
        return end
    }

    static let leadColumns = ["id", "household_id", "village_code", "risk_type", "channel", "state", "received_at", "step_started_at",
                              "step_due_at", "due_at", "closed_at", "outcome_reason", "merged_into", "source_count", "created_at", "updated_at"]
    static let sourceColumns = ["id", "lead_id", "channel", "reference", "rule_kind", "rule_version", "values_json", "message",
                                "reporter", "received_at", "fingerprint"]

    private static func key(_ household: UUID, _ risk: String) -> String { "\(household)|\(risk)" }

    private static func sourceRow(_ signal: LeadSignal, id: UUID, leadID: UUID, at now: Date) -> [any Encodable & Sendable] {
        [id, leadID, signal.channel.rawValue, signal.reference, signal.ruleKind?.rawValue, signal.ruleVersion,
         AuditLog.encodeSnapshot(signal.values), signal.message, signal.reporter, now, signal.fingerprint]
    }

    /// A screening hit's fingerprint: the rule, the person it names and its message.
    static func fingerprint(of hit: RuleHit) -> String {
        fingerprint(hit.kind.rawValue, hit.idNumber ?? "", hit.message)
    }

    static func fingerprint(_ parts: String...) -> String {
        Hex.string(SHA256.hash(data: Data(parts.joined(separator: "|").utf8)).prefix(16))
    }
}
