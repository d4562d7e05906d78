/// 房屋安全等级 (危房等级): A and B are safe; C and D dwellings must be renovated for the housing guarantee.
public enum HousingSafetyGrade: String, CodeList, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    public var label: String { "\(rawValue)级" }

    public var isSafe: Bool { self == .a || self == .b }

    /// A is best, D is worst.
    public static func < (lhs: HousingSafetyGrade, rhs: HousingSafetyGrade) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
