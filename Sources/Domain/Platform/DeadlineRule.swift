import Foundation

/// 办理时限: how long a step may take, e.g. 5 working days for a department lead or 24 hours for the green
/// channel. The amounts are configuration per province and year; this type only does the counting.
public struct DeadlineRule: Sendable, Hashable, Codable {
    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// 时限单位
    public enum Unit: String, CodeList {
        case calendarDays
        case workingDays
        case hours

        public var label: String {
            switch self {
            case .calendarDays: "自然日"
            case .workingDays: "工作日"
            case .hours: "小时"
            }
        }
    }

    /// The instant by which the step must be done, for a step that started at `start`.
    ///
    /// Day-based periods follow the Civil Code (民法典 art. 201, 203): the starting day does not count and the
    /// period ends at 24:00 of its last day, China time. Hours run from the instant itself.
    public func due(from start: Date, calendar: WorkingDayCalendar) -> Deadline {
        let startDay = ChinaTime.civilDate(of: start)
        switch unit {
        case .hours:
            return Deadline(due: start.addingTimeInterval(Double(amount) * 3600), isProvisional: false)
        case .calendarDays:
            let lastDay = startDay.adding(days: amount)
            return Deadline(due: ChinaTime.startOfDay(lastDay.adding(days: 1)), isProvisional: false)
        case .workingDays:
            let lastDay = calendar.addingWorkingDays(amount, to: startDay)
            let missing = calendar.yearsWithoutData(from: startDay, to: lastDay)
            return Deadline(due: ChinaTime.startOfDay(lastDay.adding(days: 1)), isProvisional: !missing.isEmpty)
        }
    }
}

/// 截止时间
public struct Deadline: Sendable, Hashable {
    public let due: Date
    /// True when a year the period crosses has no holiday notice loaded, so the date may still move.
    public let isProvisional: Bool

    public init(due: Date, isProvisional: Bool) {
        self.due = due
        self.isProvisional = isProvisional
    }
}

extension DeadlineRule {
    /// As a person writes it: 「5工作日」「24小时」「10自然日」.
    public var text: String { "\(amount)\(unit.label)" }

    /// Reads 「5工作日」「24小时」「10自然日」 (also 「10日」「10天」 for calendar days, spaces allowed); nil for anything else
    /// or an amount outside 1–365 (8,760 for hours).
    public init?(text raw: String) {
        let text = raw.filter { !$0.isWhitespace }
        let units: [(String, Unit)] = [
            ("工作日", .workingDays), ("自然日", .calendarDays), ("小时", .hours), ("日", .calendarDays), ("天", .calendarDays),
        ]
        guard let (suffix, unit) = units.first(where: { text.hasSuffix($0.0) }),
            let amount = Int(text.dropLast(suffix.count)), amount >= 1, amount <= (unit == .hours ? 8_760 : 365)
        else { return nil }
        self.init(amount: amount, unit: unit)
    }
}
