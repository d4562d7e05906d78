import Domain
import Foundation
import Testing

@Suite("Closed-loop intake: what a new finding does to the ledger")
struct LeadRecurrenceTests {
    static let day: TimeInterval = 86_400
    static let closedAt = Date(timeIntervalSince1970: 1_790_000_000)
    static let ids = (0..<4).map { _ in UUID() }

    static func lead(
        _ index: Int, _ risk: RiskType, _ state: LeadState, findings: Set<String>, closed: Bool = true
    ) -> LeadRecurrence.PastLead {
        .init(id: ids[index], riskType: risk, state: state, closedAt: closed ? closedAt : nil, findings: findings)
    }

    func decide(
        _ fingerprint: String, risk: RiskType = .illness, daysAfterClosing days: Double = 1,
        history: [LeadRecurrence.PastLead],
        status: HouseholdMonitoringStatus = .notMonitored, quiet: Int? = nil
    ) -> LeadRecurrence.Decision {
        LeadRecurrence.decide(
            riskType: risk, fingerprint: fingerprint, at: Self.closedAt.addingTimeInterval(days * Self.day),
            history: history, status: status, quietPeriodDays: quiet)
    }

    @Test("an open lead of the same risk corroborates a new finding once and holds a repeated one")
    func openLead() {
        let open = Self.lead(0, .illness, .awaitingTownshipRecheck, findings: ["a"], closed: false)
        #expect(decide("b", history: [open]) == .corroborate(Self.ids[0]))
        #expect(decide("a", history: [open]) == .alreadyHeld(Self.ids[0]))
        #expect(decide("a", risk: .education, history: [open]) == .open(follows: nil))
    }

    @Test(
        "a rejected or merged finding is settled while its values stay the same, however many days pass without a quiet period",
        arguments: [LeadState.rejected, .merged])
    func settled(state: LeadState) {
        let closed = Self.lead(0, .illness, state, findings: ["a"])
        for days in [0.0, 1, 30, 400] {
            #expect(decide("a", daysAfterClosing: days, history: [closed]) == .settled(Self.ids[0]))
        }
    }

    @Test("a quiet period reopens the same finding once it has passed, linked to the closed lead")
    func quietPeriod() {
        let closed = Self.lead(0, .illness, .rejected, findings: ["a"])
        #expect(decide("a", daysAfterClosing: 89.99, history: [closed], quiet: 90) == .settled(Self.ids[0]))
        #expect(decide("a", daysAfterClosing: 90, history: [closed], quiet: 90) == .open(follows: Self.ids[0]))
    }

    @Test(
        "new evidence — another rule, a new record, a changed figure — opens a lead linked to the latest closed one of that risk"
    )
    func newEvidence() {
        let older = LeadRecurrence.PastLead(
            id: Self.ids[1], riskType: .illness, state: .rejected,
            closedAt: Self.closedAt.addingTimeInterval(-10 * Self.day),
            findings: ["x"])
        let closed = Self.lead(0, .illness, .rejected, findings: ["a"])
        #expect(decide("b", history: [older, closed]) == .open(follows: Self.ids[0]))
        // the older lead's finding is still settled by the older lead
        #expect(decide("x", history: [older, closed]) == .settled(Self.ids[1]))
    }

    @Test("a household with a case gets the finding attached as information, whatever the risk")
    func attachToCase() {
        let included = Self.lead(2, .illness, .included, findings: ["a"])
        #expect(decide("z", risk: .education, history: [included]) == .attachToCase(lead: Self.ids[2]))
        #expect(decide("z", history: [], status: .monitored) == .attachToCase(lead: nil))
        // the finding that passed it on is not attached again
        #expect(decide("a", history: [included]) == .alreadyHeld(Self.ids[2]))
        // an open lead of the same risk still takes its own sources
        let open = Self.lead(3, .education, .awaitingVillageCheck, findings: [], closed: false)
        #expect(decide("z", risk: .education, history: [included, open]) == .corroborate(Self.ids[3]))
    }
}
