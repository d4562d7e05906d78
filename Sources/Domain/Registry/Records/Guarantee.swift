/// 两不愁三保障及饮水安全 — the guarantees every household must hold: compulsory education, basic medical care,
/// safe housing, and safe drinking water (POLICY §4).
public enum GuaranteeKind: String, CodeList {
    case compulsoryEducation
    case basicMedical
    case housingSafety
    case drinkingWater

    public var label: String {
        switch self {
        case .compulsoryEducation: "义务教育保障"
        case .basicMedical: "基本医疗保障"
        case .housingSafety: "住房安全保障"
        case .drinkingWater: "饮水安全"
        }
    }
}

/// The four water criteria: quantity, quality, convenience and reliability (POLICY §4).
public struct WaterCriteria: Sendable, Hashable, Codable {
    /// ≥ 35 L per person per day (≥ 20 L in water-scarce areas).
    public var enoughQuantity: Bool
    /// Shown by a water-quality test report.
    public var qualityTested: Bool
    /// Piped to the home, or a trip of ≤ 20 minutes (≤ 800 m horizontally, ≤ 80 m vertically).
    public var convenient: Bool
    /// Outage or shortage ≤ 36 days a year.
    public var reliable: Bool

    public init(enoughQuantity: Bool, qualityTested: Bool, convenient: Bool, reliable: Bool) {
        self.enoughQuantity = enoughQuantity
        self.qualityTested = qualityTested
        self.convenient = convenient
        self.reliable = reliable
    }

    public var allMet: Bool { enoughQuantity && qualityTested && convenient && reliable }

    /// The criteria not met, in Chinese, for the page and the record.
    public var unmet: [String] {
        [(enoughQuantity, "水量不足"), (qualityTested, "水质未达标或未检测"), (convenient, "取水不方便"), (reliable, "供水不稳定")]
            .filter { !$0.0 }.map(\.1)
    }
}

/// 保障评估 — one dated assessment of one guarantee for a household.
public struct GuaranteeAssessment: Sendable, Hashable {
    public let kind: GuaranteeKind
    public let assessedOn: CivilDate
    /// For education and medical care: whether it holds, as judged on the visit.
    public let securedByJudgement: Bool?
    /// For housing: the safety grade; A and B are safe.
    public let housingGrade: HousingSafetyGrade?
    /// For water: the four criteria.
    public let water: WaterCriteria?
    public let note: String

    /// Whether the guarantee holds, derived from the evidence the kind requires.
    public var isSecured: Bool {
        switch kind {
        case .compulsoryEducation, .basicMedical: securedByJudgement ?? false
        case .housingSafety: housingGrade?.isSafe ?? false
        case .drinkingWater: water?.allMet ?? false
        }
    }

    /// Builds an assessment, naming every missing or impossible piece of evidence.
    public static func make(
        kind: GuaranteeKind, assessedOn: CivilDate?, today: CivilDate, securedByJudgement: Bool?,
        housingGrade: HousingSafetyGrade?, water: WaterCriteria?, note: String
    ) -> Result<GuaranteeAssessment, FieldProblems> {
        var problems: [FieldProblem] = []
        if let assessedOn {
            if assessedOn > today { problems.append(.init(field: "assessed_on", message: "评估日期 \(assessedOn) 晚于今天。")) }
        } else {
            problems.append(.init(field: "assessed_on", message: "请填写评估日期（YYYY-MM-DD）。"))
        }
        switch kind {
        case .compulsoryEducation, .basicMedical:
            if securedByJudgement == nil { problems.append(.init(field: "secured", message: "请选择\(kind.label)是否达标。")) }
        case .housingSafety:
            if housingGrade == nil { problems.append(.init(field: "housing_grade", message: "请选择住房安全等级（A–D）。")) }
        case .drinkingWater:
            if water == nil { problems.append(.init(field: "water", message: "请逐项填写饮水安全四项指标。")) }
        }
        if note.count > 500 { problems.append(.init(field: "note", message: "说明不能超过 500 字（现为 \(note.count) 字）。")) }
        guard problems.isEmpty, let assessedOn else { return .failure(FieldProblems(problems: problems)) }
        return .success(
            GuaranteeAssessment(
                kind: kind, assessedOn: assessedOn, securedByJudgement: securedByJudgement,
                housingGrade: housingGrade, water: water, note: note))
    }
}
