/// 劳动技能 (code table 100A14). It decides which measures fit: capable people get development measures,
/// weak labour a public-welfare job, none comprehensive protection.
public enum LabourCapacity: String, CodeList {
    case ordinary
    case skilled
    case weakOrHalf
    case lost
    case none

    public var label: String {
        switch self {
        case .ordinary: "普通劳动力"
        case .skilled: "技能劳动力"
        case .weakOrHalf: "弱劳动力或半劳动力"
        case .lost: "丧失劳动力"
        case .none: "无劳动力"
        }
    }

    /// Full labour, able to take up industry or employment measures.
    public var isCapable: Bool { self == .ordinary || self == .skilled }

    /// No usable labour at all; a household where every member is like this is not marked eliminated.
    public var isWithoutLabour: Bool { self == .lost || self == .none }
}
