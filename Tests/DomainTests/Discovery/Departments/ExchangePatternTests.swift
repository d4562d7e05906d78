import Testing
@testable import Domain

/// Lateness by each exchange pattern: a due day that has passed with no batch in the period it closes.
@Suite struct ExchangePatternTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func everyNDays() {
        let pattern = ExchangePattern.everyDays(31)
        #expect(!pattern.isLate(lastReceived: Self.d("2026-10-22"), today: Self.d("2026-11-22")))
        #expect(pattern.isLate(lastReceived: Self.d("2026-10-21"), today: Self.d("2026-11-22")))
        #expect(pattern.isLate(lastReceived: nil, today: Self.d("2026-11-22")))
    }

    @Test func weeklyOnThursday() {
        // 2026-11-19 and 2026-11-26 are Thursdays.
        let pattern = ExchangePattern.weekly(weekday: 4)
        #expect(pattern.label == "每周四")
        #expect(
            !pattern.isLate(lastReceived: Self.d("2026-11-19"), today: Self.d("2026-11-26")), "due today, not yet late")
        #expect(!pattern.isLate(lastReceived: Self.d("2026-11-13"), today: Self.d("2026-11-19")))
        #expect(
            pattern.isLate(lastReceived: Self.d("2026-11-12"), today: Self.d("2026-11-20")),
            "nothing since the week before 11-19")
        #expect(
            !pattern.isLate(lastReceived: Self.d("2026-11-13"), today: Self.d("2026-11-20")),
            "a Friday batch counts for the next Thursday")
    }

    @Test func monthlyByTheFifth() {
        let pattern = ExchangePattern.monthly(byDay: 5)
        #expect(pattern.label == "每月5日前")
        #expect(!pattern.isLate(lastReceived: Self.d("2026-11-05"), today: Self.d("2026-12-05")))
        #expect(!pattern.isLate(lastReceived: Self.d("2026-11-06"), today: Self.d("2026-12-06")))
        #expect(
            pattern.isLate(lastReceived: Self.d("2026-11-05"), today: Self.d("2026-12-06")),
            "December's batch was due by the 5th")
        #expect(pattern.isLate(lastReceived: nil, today: Self.d("2026-12-01")))
        // By the 31st: February's due day is its last.
        let endOfMonth = ExchangePattern.monthly(byDay: 31)
        #expect(!endOfMonth.isLate(lastReceived: Self.d("2026-02-28"), today: Self.d("2026-03-31")))
        #expect(endOfMonth.isLate(lastReceived: Self.d("2026-02-28"), today: Self.d("2026-04-01")))
    }

    @Test func storedFormRoundTripsAndRefusesOutOfRange() {
        for pattern in [ExchangePattern.everyDays(62), .weekly(weekday: 7), .monthly(byDay: 31)] {
            #expect(ExchangePattern(kind: pattern.kind, value: pattern.value) == pattern)
        }
        #expect(ExchangePattern(kind: "weekly", value: 8) == nil)
        #expect(ExchangePattern(kind: "monthly", value: 0) == nil)
        #expect(ExchangePattern(kind: "yearly", value: 1) == nil)
    }
}
