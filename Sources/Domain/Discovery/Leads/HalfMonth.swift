/// 半月: the reporting period of seed 002 (每半个月报送一次预警人员名单): the 1st to the 15th of a month, or the 16th
/// to its last day.
public struct HalfMonth: Sendable, Hashable, CustomStringConvertible {
    public let first: CivilDate
    public let last: CivilDate

    /// The half month holding `date`.
    public init(containing date: CivilDate) {
        if date.day <= 15 {
            first = CivilDate(known: date.year, date.month, 1)
            last = CivilDate(known: date.year, date.month, 15)
        } else {
            first = CivilDate(known: date.year, date.month, 16)
            last = CivilDate(known: date.year, date.month, CivilDate.daysInMonth(year: date.year, month: date.month))
        }
    }

    public var previous: HalfMonth { HalfMonth(containing: first.adding(days: -1)) }
    public var next: HalfMonth { HalfMonth(containing: last.adding(days: 1)) }

    /// "2026年11月下半月（16日–30日）".
    public var label: String {
        "\(first.year)年\(first.month)月\(first.day == 1 ? "上" : "下")半月（\(first.day)日–\(last.day)日）"
    }

    public var description: String { "\(first)…\(last)" }
}
