/// 筛查事实: what screening knows about one household on the screening day, gathered by the caller from the
/// registry, the income statements and the department records. Plain values, so a rule can be tested without a
/// database.
public struct HouseholdFacts: Sendable, Hashable {
    public var householdNumber: String
    public var villageCode: AreaCode
    public var memberCount: Int
    /// 人均纯收入 by calendar year.
    public var perCapitaIncome: [Int: Money]
    /// 家庭纯收入 by calendar year.
    public var netIncome: [Int: Money]
    /// 刚性支出 (medical self-pay, schooling, disaster repairs …) by calendar year.
    public var rigidSpending: [Int: Money]
    /// The household's children in the registry (与户主关系 之子 or 之女, S0's 子女; children-in-law and grandchildren
    /// are not) whose school status is full-time higher education (`SchoolStatus.isHigherEducation`).
    public var membersInHigherEducation: Int
    /// The identity numbers of those children where known, so that an education record about the same student is
    /// not counted twice.
    public var higherEducationIDNumbers: Set<String>
    /// Children in the registry in school beyond the compulsory stages (高中, 中职, 高等教育: `isBeyondCompulsory`).
    public var childrenBeyondCompulsory: Int
    /// The identity numbers of those children, where an education record could count one of them twice.
    public var beyondCompulsoryIDNumbers: Set<String>
    /// The identity numbers of all the household's children, where known: an education record counts only for one
    /// of them. Nil when not loaded, and then every reported student counts.
    public var childIDNumbers: Set<String>?
    /// The birth date of the oldest current member who has lost labour capacity (丧失劳动力, through illness or
    /// disability, not 无劳动力 by age alone) and has a serious illness or a disability: 失能失智 once old enough.
    public var frailMemberBirthDate: CivilDate?
    /// The most recent change of a current member's disability grade in the registry, with the grade it was set to.
    public var registryDisability: GradeChange?
    /// The most recent day a labour-capable member was lost: departed (died or moved away) or rated without labour.
    public var labourerLostOn: CivilDate?
    /// Current members with full labour capacity (`LabourCapacity.isCapable`).
    public var labourers: Int
    /// 刚性支出 of the last complete year by item, where known, so a lead can name its cause.
    public var largestRigidItem: RigidSpendingItem?
    public var housingGrade: HousingSafetyGrade?
    /// Nil when the water guarantee has not been assessed.
    public var waterSecured: Bool?
    /// Department records about the household's members, matched by identity number.
    public var events: [DepartmentEvent]
    /// The line in force for the household's area on the screening day, resolved by the caller with
    /// `MonitoringLine`; nil when no line covers it, and then the income rule stays silent.
    public var monitoringLine: Money?

    public init(
        householdNumber: String, villageCode: AreaCode, memberCount: Int,
        perCapitaIncome: [Int: Money] = [:], netIncome: [Int: Money] = [:], rigidSpending: [Int: Money] = [:],
        membersInHigherEducation: Int = 0, higherEducationIDNumbers: Set<String> = [],
        childrenBeyondCompulsory: Int = 0, beyondCompulsoryIDNumbers: Set<String> = [],
        childIDNumbers: Set<String>? = nil,
        frailMemberBirthDate: CivilDate? = nil, registryDisability: GradeChange? = nil,
        labourerLostOn: CivilDate? = nil, labourers: Int = 0, largestRigidItem: RigidSpendingItem? = nil,
        housingGrade: HousingSafetyGrade? = nil, waterSecured: Bool? = nil, events: [DepartmentEvent] = [],
        monitoringLine: Money? = nil
    ) {
        self.householdNumber = householdNumber
        self.villageCode = villageCode
        self.memberCount = memberCount
        self.perCapitaIncome = perCapitaIncome
        self.netIncome = netIncome
        self.rigidSpending = rigidSpending
        self.membersInHigherEducation = membersInHigherEducation
        self.higherEducationIDNumbers = higherEducationIDNumbers
        self.childrenBeyondCompulsory = childrenBeyondCompulsory
        self.beyondCompulsoryIDNumbers = beyondCompulsoryIDNumbers
        self.childIDNumbers = childIDNumbers
        self.frailMemberBirthDate = frailMemberBirthDate
        self.registryDisability = registryDisability
        self.labourerLostOn = labourerLostOn
        self.labourers = labourers
        self.largestRigidItem = largestRigidItem
        self.housingGrade = housingGrade
        self.waterSecured = waterSecured
        self.events = events
        self.monitoringLine = monitoringLine
    }
}

/// 刚性支出项目: the items of essential spending an income statement records, each pointing at a risk type.
public enum RigidSpendingItem: String, CodeList {
    case medical
    case schooling
    case disaster
    case other

    public var label: String {
        switch self {
        case .medical: "医疗自付"
        case .schooling: "教育支出"
        case .disaster: "灾害损失"
        case .other: "其他刚性支出"
        }
    }

    public var riskType: RiskType {
        switch self {
        case .medical: .illness
        case .schooling: .education
        case .disaster: .naturalDisaster
        case .other: .other
        }
    }
}

/// A disability grade set in the registry on a day (the day the registry recorded it).
public struct GradeChange: Sendable, Hashable {
    public var grade: Int
    public var on: CivilDate

    public init(grade: Int, on: CivilDate) {
        self.grade = grade
        self.on = on
    }
}
