import Foundation
import Testing
import Domain

@Suite("Lead deadlines")
struct LeadDeadlineTests {
    let calendar: WorkingDayCalendar
    let policy = LeadDeadlinePolicy.seeded

    init() throws {
        calendar = try WorkingDayCalendar.parse(csv: Fixture.text("calendar-cn-2025-2026.csv"))
    }

    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
        ChinaTime.instant(day(date), hour: hour, minute: minute)
    }

    @Test("a department lead received on 2025-09-30 is due after National Day, the make-up Saturday counted")
    func departmentTotal() {
        // act
        let total = policy.totalDue(channel: .department, received: Self.at("2025-09-30", 15, 30), calendar: calendar)
        // check: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
        #expect(total?.due == ChinaTime.startOfDay(day("2025-10-15")))
        #expect(total?.isProvisional == false)
    }

    @Test("each level's share runs from when it got the lead, capped by the channel's total")
    func departmentSteps() {
        let received = Self.at("2025-09-30", 15, 30)
        let village = policy.due(
            channel: .department, level: .village, stepStarted: received, received: received, calendar: calendar)
        #expect(village?.due == ChinaTime.startOfDay(day("2025-10-11")))
        // The township got it on 10-10: 10-11 (make-up Saturday) and 10-13.
        let township = policy.due(
            channel: .department, level: .township, stepStarted: Self.at("2025-10-10", 16), received: received,
            calendar: calendar
        )
        #expect(township?.due == ChinaTime.startOfDay(day("2025-10-14")))
        // The county got it late on 10-14: its one day would end 10-15, but the five-day total ends first.
        let county = policy.due(
            channel: .department, level: .county, stepStarted: Self.at("2025-10-14", 10), received: received,
            calendar: calendar
        )
        #expect(county?.due == ChinaTime.startOfDay(day("2025-10-15")))
    }

    @Test("a self-report is checked at once, holiday or not, then the township has two working days")
    func selfReport() {
        let received = Self.at("2025-09-30", 20)
        let village = policy.due(
            channel: .selfReport, level: .village, stepStarted: received, received: received, calendar: calendar)
        #expect(village?.due == Self.at("2025-10-01", 20))
        let township = policy.due(
            channel: .selfReport, level: .township, stepStarted: Self.at("2025-10-01", 21), received: received,
            calendar: calendar
        )
        #expect(township?.due == ChinaTime.startOfDay(day("2025-10-11")))
        #expect(policy.totalDue(channel: .selfReport, received: received, calendar: calendar) == nil)
    }

    @Test("every channel has deadlines in the seeded policy; screening follows department pushes")
    func seededPolicy() {
        #expect(Set(policy.channels.keys) == Set(LeadChannel.allCases))
        #expect(policy.channels[.screening] == policy.channels[.department])
        #expect(policy.channels[.department]?.total == DeadlineRule(amount: 5, unit: .workingDays))
        #expect(policy.channels[.hotline]?.village == DeadlineRule(amount: 24, unit: .hours))
        #expect(LeadDeadlinePolicy.seededRows.first?.effectiveFrom == day("2021-05-01"))
    }

    @Test("a province's own row replaces the seeded deadlines from its date")
    func configurable() throws {
        var faster = LeadDeadlinePolicy.seeded
        faster.channels[.department]?.total = DeadlineRule(amount: 3, unit: .workingDays)
        let table = try PolicyTable(
            rows: LeadDeadlinePolicy.seededRows + [
                EffectiveDated(scope: AreaCode("510000000000"), effectiveFrom: day("2025-01-01"), value: faster)
            ])
        let local = table.value(at: AreaCode("512002110201"), on: day("2025-09-30"))
        let due = local?.totalDue(channel: .department, received: Self.at("2025-09-30", 15), calendar: calendar)
        #expect(due?.due == ChinaTime.startOfDay(day("2025-10-12")))
        #expect(table.value(at: AreaCode("110101001001"), on: day("2025-09-30")) == LeadDeadlinePolicy.seeded)
    }

    @Test("urgency turns orange under a third of the step or under 24 hours, red at the due instant")
    func urgency() {
        // A five-day step from 10-09 00:00 to 10-14 00:00 (120 hours, a third is 40).
        let started = Self.at("2025-10-09", 0)
        let due = Self.at("2025-10-14", 0)
        let cases: [(Date, LeadUrgency)] = [
            (Self.at("2025-10-12", 7, 59), .onTime),
            (Self.at("2025-10-12", 8), .onTime),
            (Self.at("2025-10-12", 8, 1), .dueSoon),
            (Self.at("2025-10-13", 23, 59), .dueSoon),
            (due, .overdue),
            (Self.at("2025-10-20", 9), .overdue),
        ]
        for (now, expected) in cases {
            #expect(policy.urgency(due: due, started: started, now: now) == expected, "\(now)")
        }
        // A 24-hour step (a grid worker's report) is not due soon when it arrives: the hours' warning reaches back half
        // the step at most, so it turns orange 12 hours before its deadline.
        let start = Self.at("2025-10-01", 20)
        let dayLater = Self.at("2025-10-02", 20)
        #expect(
            LeadUrgency.of(
                due: dayLater, started: start, now: start.addingTimeInterval(1), dueSoonFraction: 1.0 / 3.0,
                dueSoonHours: 24) == .onTime)
        #expect(
            LeadUrgency.of(
                due: dayLater, started: start, now: Self.at("2025-10-02", 7, 59), dueSoonFraction: 1.0 / 3.0,
                dueSoonHours: 24) == .onTime)
        #expect(
            LeadUrgency.of(
                due: dayLater, started: start, now: Self.at("2025-10-02", 8, 1), dueSoonFraction: 1.0 / 3.0,
                dueSoonHours: 24) == .dueSoon)
        // A long step with a small fraction is still orange the day before.
        #expect(
            LeadUrgency.of(
                due: due, started: started, now: Self.at("2025-10-13", 1), dueSoonFraction: 0.1, dueSoonHours: 24)
                == .dueSoon)
        #expect(
            LeadUrgency.of(
                due: due, started: started, now: Self.at("2025-10-12", 23), dueSoonFraction: 0.1, dueSoonHours: 24)
                == .onTime)
    }

    @Test("an overdue lead is shown to the level above; the county keeps its own")
    func escalation() {
        #expect(LeadUrgency.escalationLevel(for: .awaitingVillageCheck, overdue: true) == .township)
        #expect(LeadUrgency.escalationLevel(for: .awaitingTownshipRecheck, overdue: true) == .county)
        #expect(LeadUrgency.escalationLevel(for: .awaitingCountyReview, overdue: true) == .county)
        #expect(LeadUrgency.escalationLevel(for: .awaitingVillageCheck, overdue: false) == nil)
        #expect(LeadUrgency.escalationLevel(for: .included, overdue: true) == nil)
    }
}
