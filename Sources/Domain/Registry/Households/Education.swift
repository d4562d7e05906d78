/// 文化程度: the highest schooling completed, for people no longer at school (a pupil has a `SchoolStatus`).
public enum Education: String, CodeList, Comparable {
    case illiterate
    case primary
    case juniorHigh
    case seniorHigh
    case college
    case bachelorOrAbove

    public var label: String {
        switch self {
        case .illiterate: "文盲或半文盲"
        case .primary: "小学"
        case .juniorHigh: "初中"
        case .seniorHigh: "高中"
        case .college: "大专"
        case .bachelorOrAbove: "本科及以上"
        }
    }

    public static func < (lhs: Education, rhs: Education) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
