/// 数据交换频次: when a department is to send its data, as the seeds agree it (POLICY §5, §13.3): every N days
/// (S2: 每2个月), weekly on a weekday (S4: 每周四), or monthly by a day of the month (N9: 每月5日前). Each pattern cuts
/// time into periods ending on a due day; a department is late once a due day has passed with no batch received in
/// the period it closes.
public enum ExchangePattern: Sendable, Hashable {
    /// At most this many days between batches (1…366).
    case everyDays(Int)
    /// Every week by this ISO weekday (1 = Monday … 7 = Sunday).
    case weekly(weekday: Int)
    /// Every month by this day of the month (1…31; a shorter month's last day stands in).
    case monthly(byDay: Int)

    /// The stored form: a kind (`everyDays`, `weekly`, `monthly`) and a number; nil when the number is out of range.
    public init?(kind: String, value: Int) {
        switch kind {
        case "everyDays" where (1...366).contains(value): self = .everyDays(value)
        case "weekly" where (1...7).contains(value): self = .weekly(weekday: value)
        case "monthly" where (1...31).contains(value): self = .monthly(byDay: value)
        default: return nil
        }
    }

    public var kind: String {
        switch self {
        case .everyDays: "everyDays"
        case .weekly: "weekly"
        case .monthly: "monthly"
        }
    }

    public var value: Int {
        switch self {
        case .everyDays(let days): days
        case .weekly(let weekday): weekday
        case .monthly(let day): day
        }
    }

    public static let kindLabels: [(kind: String, label: String)] = [
        ("everyDays", "每隔天数"), ("weekly", "每周（星期几）"), ("monthly", "每月（几日前）"),
    ]
    static let weekdayNames = ["一", "二", "三", "四", "五", "六", "日"]

    /// "每 31 天", "每周四", "每月5日前".
    public var label: String {
        switch self {
        case .everyDays(let days): "每 \(days) 天"
        case .weekly(let weekday): "每周\(Self.weekdayNames[weekday - 1])"
        case .monthly(let day): "每月\(day)日前"
        }
    }

    /// Whether a department whose last accepted batch came on `lastReceived` (nil: never) is late on `today`.
    public func isLate(lastReceived: CivilDate?, today: CivilDate) -> Bool {
        guard let last = lastReceived else { return true }
        switch self {
        case .everyDays(let days):
            return last.days(until: today) > days
        case .weekly, .monthly:
            // The last due day before today closes a period that opened after the due day before it.
            let due = lastDueDay(before: today)
            return last <= previousDueDay(before: due)
        }
    }

    /// The latest due day strictly before `date`; for `everyDays`, the day `days` days before it.
    func lastDueDay(before date: CivilDate) -> CivilDate {
        switch self {
        case .everyDays(let days):
            return date.adding(days: -days)
        case .weekly(let weekday):
            let back = (date.isoWeekday - weekday + 6) % 7 + 1
            return date.adding(days: -back)
        case .monthly(let day):
            let thisMonth = Self.due(day, year: date.year, month: date.month)
            if thisMonth < date { return thisMonth }
            let previous = date.addingMonths(-1)
            return Self.due(day, year: previous.year, month: previous.month)
        }
    }

    /// The due day before the due day `due`.
    func previousDueDay(before due: CivilDate) -> CivilDate {
        switch self {
        case .everyDays, .weekly: return lastDueDay(before: due)
        case .monthly(let day):
            let previous = CivilDate(known: due.year, due.month, 1).addingMonths(-1)
            return Self.due(day, year: previous.year, month: previous.month)
        }
    }

    private static func due(_ day: Int, year: Int, month: Int) -> CivilDate {
        CivilDate(known: year, month, min(day, CivilDate.daysInMonth(year: year, month: month)))
    }
}
