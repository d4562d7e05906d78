/// 节假日安排: one day that the State Council's yearly holiday notice moves away from the plain
/// Monday-to-Friday rule.
public struct CalendarDay: Sendable, Hashable, Codable {
    public var date: CivilDate
    public var kind: Kind
    /// The festival as the notice names it, e.g. 春节 or 国庆节、中秋节调休上班.
    public var name: String

    public init(date: CivilDate, kind: Kind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }

    /// 日期类型
    public enum Kind: String, CodeList {
        /// A day off that would otherwise be worked.
        case holiday
        /// A weekend day that is worked to make up for a bridge day (调休上班).
        case workday

        public var label: String {
            switch self {
            case .holiday: "放假"
            case .workday: "调休上班"
            }
        }
    }
}
