/// 风险类型 (致贫返贫风险, code table 100A27). The list has changed over the years, so every code carries the period
/// in which it was issued: old codes stay decodable in historical records but are not offered for new ones.
public enum RiskType: String, CodeList {
    case illness
    case education
    case disability
    case naturalDisaster
    case accident
    case industryFailure
    case unstableEmployment
    case lackOfLabour
    case other
    /// 住房安全 and 饮水安全: carried as risks of their own by some provinces' lists and only as flags by others
    /// (POLICY §13.8); screening starts its housing and water leads with them rather than 其他.
    case housingSafety
    case drinkingWater
    /// Appeared in some 2020–2022 versions of the list.
    case epidemic
    /// The remaining cases are 2014–2020 建档立卡 致贫原因, not in the current list.
    case lackOfSkills
    case lackOfFunds
    case lackOfLand
    case lackOfWater
    case poorTransport
    case lackOfMotivation

    public var label: String {
        switch self {
        case .illness: "因病"
        case .education: "因学"
        case .disability: "因残"
        case .naturalDisaster: "因自然灾害"
        case .accident: "因意外事故"
        case .industryFailure: "因产业项目失败"
        case .unstableEmployment: "因务工就业不稳"
        case .lackOfLabour: "缺劳动力"
        case .other: "其他"
        case .housingSafety: "住房安全"
        case .drinkingWater: "饮水安全"
        case .epidemic: "因疫情"
        case .lackOfSkills: "缺技术"
        case .lackOfFunds: "缺资金"
        case .lackOfLand: "缺土地"
        case .lackOfWater: "缺水"
        case .poorTransport: "交通条件落后"
        case .lackOfMotivation: "自身发展动力不足"
        }
    }

    /// When the national list carried this code, as far as the sources show (POLICY §14). A deployment's own
    /// code-list data may narrow it.
    public var validity: ValidityPeriod {
        switch self {
        case .illness, .education, .disability, .naturalDisaster, .accident, .industryFailure,
            .unstableEmployment, .lackOfLabour, .other, .housingSafety, .drinkingWater:
            .always
        case .epidemic:
            ValidityPeriod(from: CivilDate(known: 2020, 1, 1), to: CivilDate(known: 2022, 12, 31))
        case .lackOfSkills, .lackOfFunds, .lackOfLand, .lackOfWater, .poorTransport, .lackOfMotivation:
            ValidityPeriod(to: CivilDate(known: 2020, 12, 31))
        }
    }

    /// A natural-disaster risk is incomplete without its sub-item (data check 2_11_005).
    public var requiresDisasterKind: Bool { self == .naturalDisaster }

    /// The codes that may be chosen for a record dated `date`.
    public static func offered(on date: CivilDate) -> [RiskType] {
        allCases.filter { $0.validity.contains(date) }
    }
}

/// 自然灾害子项: the sub-item a natural-disaster risk must name.
public enum DisasterKind: String, CodeList {
    case flood
    case geological
    case drought
    case biological
    case meteorological
    case earthquake
    case other

    public var label: String {
        switch self {
        case .flood: "洪涝灾害"
        case .geological: "地质灾害"
        case .drought: "干旱灾害"
        case .biological: "生物灾害"
        case .meteorological: "气象灾害"
        case .earthquake: "地震灾害"
        case .other: "其他灾害"
        }
    }
}
