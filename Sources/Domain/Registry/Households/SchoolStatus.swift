/// 在校生状况: the stage a pupil or student is in now.
public enum SchoolStatus: String, CodeList {
    /// The word for "not at school" (no status), offered on forms and accepted in files.
    public static let noneLabel = "不在校"

    case preschool
    case primary
    case juniorHigh
    case seniorHigh
    case secondaryVocational
    case higherVocational
    case technicianCollege
    case bachelor
    case masterOrAbove

    public var label: String {
        switch self {
        case .preschool: "学前教育"
        case .primary: "小学"
        case .juniorHigh: "七至九年级"
        case .seniorHigh: "普通高中一至三年级"
        case .secondaryVocational: "中职一至三年级"
        case .higherVocational: "高职一至三年级"
        case .technicianCollege: "技工院校一至四年级"
        case .bachelor: "大学本科一至五年级"
        case .masterOrAbove: "硕士及以上"
        }
    }

    /// 义务教育: the stages the compulsory-education guarantee covers; later stages are what department leads
    /// about non-compulsory schooling costs look at.
    public var isCompulsory: Bool { self == .primary || self == .juniorHigh }

    /// 非义务教育阶段 after the compulsory stages: senior high, secondary vocational, technician college and higher
    /// education (S0's 子女就读非义务教育阶段; pre-school comes before compulsory schooling and is not counted).
    public var isBeyondCompulsory: Bool { self != .preschool && !isCompulsory }

    /// Full-time higher education, for the "two or more children in higher education" screening rule.
    /// Technician colleges are vocational schools and are left out.
    public var isHigherEducation: Bool {
        self == .higherVocational || self == .bachelor || self == .masterOrAbove
    }
}
