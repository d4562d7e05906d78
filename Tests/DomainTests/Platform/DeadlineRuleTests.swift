import Foundation
import Testing
import Domain

@Suite("Deadline rules")
struct DeadlineRuleTests {
    let calendar: WorkingDayCalendar

    init() throws {
        calendar = try WorkingDayCalendar.parse(csv: Fixture.text("calendar-cn-2025-2026.csv"))
    }

    @Test("five working days from the eve of National Day end at midnight after 2025-10-14")
    func workingDays() {
        let start = ChinaTime.instant(day("2025-09-30"), hour: 15, minute: 30)
        let deadline = DeadlineRule(amount: 5, unit: .workingDays).due(from: start, calendar: calendar)
        // 10-09, 10-10, the make-up Saturday 10-11, 10-13 and 10-14.
        #expect(deadline.due == ChinaTime.startOfDay(day("2025-10-15")))
        #expect(!deadline.isProvisional)
    }

    @Test("calendar days do not count the starting day and end at 24:00 of the last day")
    func calendarDays() {
        let start = ChinaTime.instant(day("2026-02-13"), hour: 23, minute: 59)
        let deadline = DeadlineRule(amount: 10, unit: .calendarDays).due(from: start, calendar: calendar)
        #expect(deadline.due == ChinaTime.startOfDay(day("2026-02-24")))
    }

    @Test("hours run from the instant itself, across midnight and holidays")
    func hours() {
        let start = ChinaTime.instant(day("2025-10-01"), hour: 20)
        let deadline = DeadlineRule(amount: 24, unit: .hours).due(from: start, calendar: calendar)
        #expect(deadline.due == ChinaTime.instant(day("2025-10-02"), hour: 20))
    }

    @Test("a working-day deadline reaching into a year without a notice is provisional")
    func provisional() {
        let start = ChinaTime.instant(day("2026-12-28"), hour: 9)
        let deadline = DeadlineRule(amount: 5, unit: .workingDays).due(from: start, calendar: calendar)
        #expect(deadline.isProvisional)
        #expect(deadline.due == ChinaTime.startOfDay(day("2027-01-05")))
    }
}
