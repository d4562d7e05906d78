/// 筛查规则类别: the early-warning rules run over the registry and the department records (POLICY §6). What each
/// rule fires on is fixed here; its numbers are parameters of its versions (`ScreeningRuleVersion`).
public enum ScreeningRuleKind: String, CodeList {
    case incomeBelowLine
    case sharpIncomeDrop
    case rigidSpendingAboveIncome
    case hospitalSelfPay
    case newSeriousIllness
    case newMinimumLiving
    case newExtremePoverty
    case newSevereDisability
    case multipleInHigherEducation
    case unsafeHousing
    case disasterDamage
    case unsafeWater
    case jobLoss

    public var label: String {
        switch self {
        case .incomeBelowLine: "人均纯收入低于监测线"
        case .sharpIncomeDrop: "人均纯收入大幅下降"
        case .rigidSpendingAboveIncome: "刚性支出超过上年家庭纯收入"
        case .hospitalSelfPay: "住院自付超过阈值"
        case .newSeriousIllness: "新确诊大病"
        case .newMinimumLiving: "新纳入低保"
        case .newExtremePoverty: "新纳入特困"
        case .newSevereDisability: "新增重度残疾"
        case .multipleInHigherEducation: "两个及以上子女在读高等教育"
        case .unsafeHousing: "住房安全等级为C/D级"
        case .disasterDamage: "受灾损失超过阈值"
        case .unsafeWater: "饮水不安全"
        case .jobLoss: "失业/务工中断"
        }
    }

    /// The risk type a lead raised by this rule starts with; the village check may correct it. Housing, water,
    /// income and assistance rules name no cause of their own (POLICY §13.8), so they start as 其他.
    public var riskType: RiskType {
        switch self {
        case .hospitalSelfPay, .newSeriousIllness: .illness
        case .newSevereDisability: .disability
        case .multipleInHigherEducation: .education
        case .disasterDamage: .naturalDisaster
        case .jobLoss: .unstableEmployment
        // 特困 support is for people without labour capacity, income or anyone obliged to support them.
        case .newExtremePoverty: .lackOfLabour
        case .incomeBelowLine, .sharpIncomeDrop, .rigidSpendingAboveIncome, .newMinimumLiving, .unsafeHousing,
             .unsafeWater:
            .other
        }
    }

    /// The parameters a version of this rule must carry; a version without one of them never fires.
    public var parameterNames: [ScreeningParameter] {
        switch self {
        case .incomeBelowLine: [.lineMarginPercent]
        case .sharpIncomeDrop: [.dropPercent]
        case .rigidSpendingAboveIncome: []
        case .hospitalSelfPay, .disasterDamage: [.thresholdFen, .windowMonths]
        case .newSevereDisability: [.maximumGrade, .windowMonths]
        case .multipleInHigherEducation: [.minimumStudents, .windowMonths]
        case .newSeriousIllness, .newMinimumLiving, .newExtremePoverty, .unsafeHousing, .unsafeWater, .jobLoss:
            [.windowMonths]
        }
    }

    /// The department record the rule reads; nil for the rules that read the registry only. Housing, water and
    /// higher education read both.
    public var recordKind: DepartmentEventKind? {
        switch self {
        case .hospitalSelfPay: .medicalSelfPay
        case .newSeriousIllness: .seriousIllness
        case .newMinimumLiving: .minimumLiving
        case .newExtremePoverty: .extremePoverty
        case .newSevereDisability: .disability
        case .multipleInHigherEducation: .enrolment
        case .unsafeHousing: .housingRating
        case .disasterDamage: .disasterDamage
        case .unsafeWater: .waterUnsafe
        case .jobLoss: .unemployment
        case .incomeBelowLine, .sharpIncomeDrop, .rigidSpendingAboveIncome: nil
        }
    }

    /// Whether the rule names one person (a patient, a new 低保 member) rather than the household.
    public var isPersonLevel: Bool {
        switch self {
        case .hospitalSelfPay, .newSeriousIllness, .newMinimumLiving, .newExtremePoverty, .newSevereDisability,
             .jobLoss:
            true
        default:
            false
        }
    }
}
