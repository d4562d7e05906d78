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
    /// Registry members whose school status is higher education (`SchoolStatus.isHigherEducation`).
    public var membersInHigherEducation: Int
    /// The identity numbers of those members where known, so that an education record about the same student is
    /// not counted twice.
    public var higherEducationIDNumbers: Set<String>
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
        self.housingGrade = housingGrade
        self.waterSecured = waterSecured
        self.events = events
        self.monitoringLine = monitoringLine
    }
}
