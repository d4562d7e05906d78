import Testing
import DemoData
import Domain

@Suite("Working-day calendar")
struct WorkingDayCalendarTests {
    let calendar: WorkingDayCalendar

    init() throws {
        calendar = try WorkingDayCalendar.parse(csv: Fixture.text("calendar-cn-2025-2026.csv"))
    }

    @Test("make-up Saturdays and Sundays are working days and festival weekdays are not")
    func adjustedDays() {
        for worked in [
            "2025-09-28", "2025-10-11", "2025-01-26", "2025-02-08", "2026-02-14", "2026-02-28", "2026-01-04",
        ] {
            #expect(calendar.isWorkingDay(day(worked)), "\(worked)")
        }
        for off in ["2025-10-01", "2025-10-08", "2025-01-28", "2026-02-23", "2026-09-25", "2025-10-12"] {
            #expect(!calendar.isWorkingDay(day(off)), "\(off)")
        }
        #expect(calendar.isWorkingDay(day("2025-10-09")))
        #expect(calendar.adjustment(on: day("2025-09-28"))?.name == "国庆节、中秋节调休上班")
    }

    @Test("adding working days skips the 2025 National Day and Mid-Autumn week")
    func nationalDay2025() {
        // 9-29 Mon and 9-30 Tue are worked, 10-01…10-08 are off, 10-09 Thu and 10-10 Fri are worked, 10-11 Sat too.
        #expect(calendar.addingWorkingDays(2, to: day("2025-09-28")) == day("2025-09-30"))
        #expect(calendar.addingWorkingDays(3, to: day("2025-09-28")) == day("2025-10-09"))
        #expect(calendar.addingWorkingDays(5, to: day("2025-09-28")) == day("2025-10-11"))
        #expect(calendar.addingWorkingDays(6, to: day("2025-09-28")) == day("2025-10-13"))
        #expect(calendar.addingWorkingDays(-1, to: day("2025-10-09")) == day("2025-09-30"))
        #expect(calendar.addingWorkingDays(0, to: day("2025-10-03")) == day("2025-10-03"))
    }

    @Test("adding working days across the 2026 Spring Festival")
    func springFestival2026() {
        // 2-13 Fri and 2-14 Sat are worked; 2-15…2-23 are off; 2-24 Tue resumes.
        #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")) == day("2026-02-14"))
        #expect(calendar.addingWorkingDays(2, to: day("2026-02-13")) == day("2026-02-24"))
        #expect(calendar.addingWorkingDays(5, to: day("2026-02-13")) == day("2026-02-27"))
        #expect(calendar.addingWorkingDays(6, to: day("2026-02-13")) == day("2026-02-28"))
    }

    @Test("counting working days is the inverse of adding them")
    func countingInvertsAdding() {
        var random = SeededGenerator(seed: 2025)
        for _ in 0..<400 {
            let start = day("2024-12-01").adding(days: Int.random(in: 0..<800, using: &random))
            let count = Int.random(in: -40...40, using: &random)
            let end = calendar.addingWorkingDays(count, to: start)
            #expect(calendar.workingDays(from: start, to: end) == count, "\(start) + \(count)")
        }
        // 261 weekdays, 18 of them festival days off, 5 make-up weekend days.
        #expect(calendar.workingDays(from: day("2024-12-31"), to: day("2025-12-31")) == 248)
        #expect(calendar.workingDays(from: day("2025-10-01"), to: day("2025-10-08")) == 0)
    }

    @Test("a year without a notice falls back to plain weekdays and says so")
    func missingYear() {
        #expect(calendar.hasData(forYear: 2025) && calendar.hasData(forYear: 2026))
        #expect(!calendar.hasData(forYear: 2027))
        // 2027-10-01 is a Friday: without the 2027 notice it counts as a working day.
        #expect(calendar.isWorkingDay(day("2027-10-01")))
        #expect(!calendar.isWorkingDay(day("2027-10-02")))
        #expect(calendar.yearsWithoutData(from: day("2026-12-20"), to: day("2027-01-10")) == [2027])
        #expect(WorkingDayCalendar().workingDays(from: day("2025-09-28"), to: day("2025-10-11")) == 10)
    }

    @Test("bad holiday files are refused with the line and the problem")
    func badInput() {
        #expect(throws: CalendarError.badRow(line: 3, reason: "日期“2025-02-30”无效，应为 YYYY-MM-DD")) {
            try WorkingDayCalendar.parse(csv: "date,kind,name\n2025-01-01,holiday,元旦\n2025-02-30,holiday,春节\n")
        }
        #expect(throws: CalendarError.badRow(line: 2, reason: "类型应为 holiday 或 workday，实际为“off”")) {
            try WorkingDayCalendar.parse(csv: "date,kind,name\n2025-01-01,off,元旦")
        }
        #expect(throws: CalendarError.duplicateDate(day("2025-01-01"))) {
            try WorkingDayCalendar.parse(csv: "date,kind,name\n2025-01-01,holiday,元旦\n2025-01-01,workday,元旦")
        }
        #expect(CalendarError.duplicateDate(day("2025-01-01")).message == "日期 2025-01-01 重复出现")
    }
}
