/// 数据质量核查规则: the N7 data checks a county runs over its registry (POLICY §10). Each finding is a fact to
/// verify and correct, not an automatic rejection: the record may be right and the rule's assumption wrong.
public enum DataQualityRule: String, CodeList {
    case invalidIdentityNumber
    case duplicateIdentityNumber
    case headCount
    case multipleSpouses
    case schoolStatusAge
    case labourCapacity
    case workFieldsIncomplete
    case notMedicallyInsured
    case memberCountMismatch

    public var label: String {
        switch self {
        case .invalidIdentityNumber: "身份证号码无效"
        case .duplicateIdentityNumber: "身份证号码重复"
        case .headCount: "户主人数不为一人"
        case .multipleSpouses: "配偶多于一人"
        case .schoolStatusAge: "在校状况与年龄不符"
        case .labourCapacity: "劳动技能与年龄或健康状况不符"
        case .workFieldsIncomplete: "务工地点与务工月数未同时填写"
        case .notMedicallyInsured: "未参加基本医疗保险"
        case .memberCountMismatch: "家庭人口数与成员人数不符"
        }
    }

    /// Whether the rule is about one member (a finding names them) or about the household as a whole.
    public var isMemberRule: Bool {
        switch self {
        case .headCount, .multipleSpouses, .memberCountMismatch: false
        default: true
        }
    }
}
