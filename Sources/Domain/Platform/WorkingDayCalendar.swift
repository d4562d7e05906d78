/// 工作日历: which days count as working days for deadlines stated in 工作日. Monday to Friday are working days
/// and weekends are not, except where the year's holiday notice says otherwise. For a year whose notice has not
/// been loaded the plain weekday rule is used; `hasData(forYear:)` lets callers flag such results as provisional.
public struct WorkingDayCalendar: Sendable, Hashable {
    private let days: [CivilDate: CalendarDay]
    /// Sorted, so that counting over a long range touches only the adjustments inside it.
    private let sortedDates: [CivilDate]
    private let years: Set<Int>

    public init(days: [CalendarDay]) throws(CalendarError) {
        var byDate: [CivilDate: CalendarDay] = [:]
        for day in days {
            guard byDate[day.date] == nil else { throw .duplicateDate(day.date) }
            byDate[day.date] = day
        }
        self.days = byDate
        sortedDates = byDate.keys.sorted()
        years = Set(byDate.keys.map(\.year))
    }

    /// A calendar with no notice loaded: plain weekdays everywhere.
    public init() {
        days = [:]
        sortedDates = []
        years = []
    }

    /// Whether the holiday notice for `year` is loaded.
    public func hasData(forYear year: Int) -> Bool {
        years.contains(year)
    }

    /// Years from `start` to `end` (both included) that fall back to plain weekdays.
    public func yearsWithoutData(from start: CivilDate, to end: CivilDate) -> [Int] {
        (min(start.year, end.year)...max(start.year, end.year)).filter { !hasData(forYear: $0) }
    }

    /// The notice's entry for `date`, if the notice moves that day.
    public func adjustment(on date: CivilDate) -> CalendarDay? {
        days[date]
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        switch days[date]?.kind {
        case .holiday: false
        case .workday: true
        case nil: !date.isWeekend
        }
    }

    /// The `count`-th working day after `date` (before it when negative); `date` itself is not counted, as the
    /// day an event happens does not count towards its period. Zero returns `date` unchanged.
    public func addingWorkingDays(_ count: Int, to date: CivilDate) -> CivilDate {
        let step = count < 0 ? -1 : 1
        var remaining = abs(count)
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The working days stepped onto when walking from `start` to `end`: those after `start` up to and including
    /// `end`, negative when walking backwards. This makes it the inverse of `addingWorkingDays`.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        guard start <= end else {
            return -workingDays(from: end.adding(days: -1), to: start.adding(days: -1))
        }
        var count = Self.weekdaysBefore(end.adding(days: 1)) - Self.weekdaysBefore(start.adding(days: 1))
        let lower = firstIndex(after: start)
        let upper = firstIndex(after: end)
        for date in sortedDates[lower..<upper] {
            let plain = !date.isWeekend
            if plain != isWorkingDay(date) { count += plain ? -1 : 1 }
        }
        return count
    }

    /// Monday to Friday days before `date`, counted from a fixed Monday; only differences are meaningful.
    private static func weekdaysBefore(_ date: CivilDate) -> Int {
        // 1970-01-01 was a Thursday, so day −3 is a Monday.
        let sinceMonday = date.daysSinceEpoch + 3
        let weeks = sinceMonday >= 0 ? sinceMonday / 7 : (sinceMonday - 6) / 7
        return weeks * 5 + min(sinceMonday - weeks * 7, 5)
    }

    /// Index of the first adjusted date strictly after `date`.
    private func firstIndex(after date: CivilDate) -> Int {
        var low = 0
        var high = sortedDates.count
        while low < high {
            let middle = (low + high) / 2
            if sortedDates[middle] <= date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
