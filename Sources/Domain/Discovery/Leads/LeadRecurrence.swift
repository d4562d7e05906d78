import Foundation

/// 线索闭环受理: what a new signal about a household does, given what the ledger already holds for it (seed 000
/// 二.二 台账化闭环管理). One rule, used by every channel's intake:
///
/// 1. an open lead of the same risk takes the signal as a source (corroboration), once per finding;
/// 2. a household already included or monitored has a case: the signal is attached to it as information, and no
///    fresh lead is opened;
/// 3. a finding that a rejected or merged lead of the same risk already held is not raised again while its firing
///    values stay the same — unless a quiet period is configured and has passed since the lead closed, when a new
///    lead opens linked to the closed one;
/// 4. new evidence (a finding the closed lead did not hold: another rule, a new record, a changed figure) opens a new
///    lead linked to the most recent closed lead of that risk;
/// 5. otherwise a new lead opens.
public enum LeadRecurrence {
    /// One lead of the household as the intake sees it.
    public struct PastLead: Sendable, Hashable {
        public let id: UUID
        public let riskType: RiskType
        public let state: LeadState
        public let closedAt: Date?
        /// The fingerprints of the findings it holds (`LeadSignal.fingerprint`).
        public let findings: Set<String>

        public init(id: UUID, riskType: RiskType, state: LeadState, closedAt: Date?, findings: Set<String>) {
            self.id = id
            self.riskType = riskType
            self.state = state
            self.closedAt = closedAt
            self.findings = findings
        }
    }

    /// 受理结论
    public enum Decision: Sendable, Hashable {
        /// A new lead; `follows` is the closed lead of the same risk it reopens, if any.
        case open(follows: UUID?)
        /// A new source on this open lead.
        case corroborate(UUID)
        /// Information on the household's case; `lead` is the included lead that passed it to identification, nil
        /// when the household was monitored without one (e.g. imported as a monitoring object).
        case attachToCase(lead: UUID?)
        /// The open lead already holds this finding.
        case alreadyHeld(UUID)
        /// A closed lead already settled this finding and its quiet period, if any, has not passed.
        case settled(UUID)
    }

    /// The decision for a finding of `riskType` with `fingerprint`, received at `now`, for a household whose leads
    /// are `history` and whose monitoring status is `status`. `quietPeriodDays` is the policy's 复发静默期: nil
    /// means a settled finding is never raised again while its values stay the same.
    public static func decide(
        riskType: RiskType, fingerprint: String, at now: Date, history: [PastLead],
        status: HouseholdMonitoringStatus, quietPeriodDays: Int?
    ) -> Decision {
        if let open = history.first(where: { $0.riskType == riskType && !$0.state.isTerminal }) {
            return open.findings.contains(fingerprint) ? .alreadyHeld(open.id) : .corroborate(open.id)
        }
        let included = history.filter { $0.state == .included }.max {
            ($0.closedAt ?? .distantPast) < ($1.closedAt ?? .distantPast)
        }
        if status == .monitored || included != nil {
            // A finding the included lead already holds (it passed the household on) is not new information.
            if let holder = history.first(where: { $0.state == .included && $0.findings.contains(fingerprint) }) {
                return .alreadyHeld(holder.id)
            }
            return .attachToCase(lead: included?.id)
        }
        let closed = history.filter { $0.riskType == riskType && ($0.state == .rejected || $0.state == .merged) }
        guard let latest = closed.max(by: { ($0.closedAt ?? .distantPast) < ($1.closedAt ?? .distantPast) }) else {
            return .open(follows: nil)
        }
        if let settled = closed.filter({ $0.findings.contains(fingerprint) })
            .max(by: { ($0.closedAt ?? .distantPast) < ($1.closedAt ?? .distantPast) })
        {
            guard let days = quietPeriodDays, let closedAt = settled.closedAt,
                now >= closedAt.addingTimeInterval(Double(days) * 86_400)
            else { return .settled(settled.id) }
            return .open(follows: settled.id)
        }
        return .open(follows: latest.id)
    }
}

extension LeadRecurrence.PastLead {
    /// The same lead holding one more finding.
    public func holding(_ fingerprint: String) -> Self {
        Self(id: id, riskType: riskType, state: state, closedAt: closedAt, findings: findings.union([fingerprint]))
    }
}
