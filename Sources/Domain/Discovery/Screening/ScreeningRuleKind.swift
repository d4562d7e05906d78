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
    case childInNonCompulsorySchooling
    case frailElderly
    case mainLabourerLoss

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
        case .childInNonCompulsorySchooling: "子女就读非义务教育阶段"
        case .frailElderly: "家中有失能失智老年人"
        case .mainLabourerLoss: "家庭主要劳动力丧失"
        }
    }

    /// The risk type a lead raised by this rule starts with; the village check may correct it. Each names the cause in
    /// the national list (100A27, POLICY §3) that the signal points at:
    /// - medical costs, a new diagnosis and 失能失智 elderly (long-term illness and care, seed 002's 特殊群体): 因病;
    /// - a severe disability: 因残; schooling (higher education, non-compulsory stages): 因学; disaster damage:
    ///   因自然灾害; job loss: 因务工就业不稳;
    /// - 特困 support (people without labour capacity, income or anyone obliged to support them) and the loss of the
    ///   main labourer: 缺劳动力;
    /// - dangerous housing and unsafe water: 住房安全 and 饮水安全, which some provinces' lists carry as risks of their
    ///   own (POLICY §13.8), rather than 其他;
    /// - rigid spending above income: the hit names the largest spending item when the facts know it
    ///   (`ScreeningEngine.rigidSpendingAboveIncome`), 其他 otherwise;
    /// - income below the line and a sharp fall: 缺劳动力 when no member can work (`HouseholdFacts.incomeRiskCause`),
    ///   其他 otherwise, until the home check finds the cause; a new 低保 entry says nothing of the cause: 其他.
    public var riskType: RiskType {
        switch self {
        case .hospitalSelfPay, .newSeriousIllness, .frailElderly: .illness
        case .newSevereDisability: .disability
        case .multipleInHigherEducation, .childInNonCompulsorySchooling: .education
        case .disasterDamage: .naturalDisaster
        case .jobLoss: .unstableEmployment
        case .newExtremePoverty, .mainLabourerLoss: .lackOfLabour
        case .unsafeHousing: .housingSafety
        case .unsafeWater: .drinkingWater
        case .incomeBelowLine, .sharpIncomeDrop, .rigidSpendingAboveIncome, .newMinimumLiving: .other
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
        case .multipleInHigherEducation, .childInNonCompulsorySchooling: [.minimumStudents, .windowMonths]
        case .frailElderly: [.minimumAge]
        case .mainLabourerLoss: [.maximumRemainingLabourers, .windowMonths]
        case .newSeriousIllness, .newMinimumLiving, .newExtremePoverty, .unsafeHousing, .unsafeWater, .jobLoss:
            [.windowMonths]
        }
    }

    /// The department record the rule reads; nil for the rules that read the registry only. Housing, water and
    /// schooling read both; the registry-only rules that still read a window (a new severe disability graded in the
    /// registry, the main labourer lost) date their facts by the registry change.
    public var recordKind: DepartmentEventKind? {
        switch self {
        case .hospitalSelfPay: .medicalSelfPay
        case .newSeriousIllness: .seriousIllness
        case .newMinimumLiving: .minimumLiving
        case .newExtremePoverty: .extremePoverty
        case .newSevereDisability: .disability
        case .multipleInHigherEducation, .childInNonCompulsorySchooling: .enrolment
        case .unsafeHousing: .housingRating
        case .disasterDamage: .disasterDamage
        case .unsafeWater: .waterUnsafe
        case .jobLoss: .unemployment
        case .incomeBelowLine, .sharpIncomeDrop, .rigidSpendingAboveIncome, .frailElderly, .mainLabourerLoss: nil
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
