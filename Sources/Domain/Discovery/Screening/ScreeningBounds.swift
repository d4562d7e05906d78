/// 筛查候选条件: the loosest form of every rule in force somewhere on a day. A household outside all of them cannot
/// be hit by any rule, so a full screening lets the database find the few that pass one (one scan of the kept
/// facts, one of the recent department records) and the engine judges only those. The bounds never decide a hit;
/// they only have to let every possible hit through, which `ScreeningBoundsTests` checks against the engine.
public struct ScreeningBounds: Sendable {
    /// Per-capita income of the last complete year times 100 strictly below this fires `incomeBelowLine` somewhere
    /// (the highest line in force times 100 plus the largest margin).
    public var incomeCeilingHundredths: Int64?
    /// The smallest drop, in whole percent, that fires `sharpIncomeDrop` somewhere.
    public var smallestDropPercent: Int64?
    public var rigidSpendingAboveIncome = false
    /// Registry housing grades and water that fire without any department record.
    public var unsafeHousingGrades: [HousingSafetyGrade] = []
    public var unsecuredWater = false
    /// The fewest registry children in higher education that can fire on their own.
    public var fewestStudents: Int64?
    /// The fewest registry children in non-compulsory schooling that can fire on their own.
    public var fewestBeyondCompulsory: Int64?
    /// A frail member born on or before this day fires `frailElderly` somewhere (the lowest age in force).
    public var frailBornBy: CivilDate?
    /// A registry disability grade at most `maximumGrade` set after `opensAfter` fires `newSevereDisability`.
    public var registryDisability: (opensAfter: CivilDate, maximumGrade: Int64)?
    /// A labourer lost after `opensAfter` with at most `maximumRemaining` capable members left fires `mainLabourerLoss`.
    public var labourerLoss: (opensAfter: CivilDate, maximumRemaining: Int64)?
    /// Department records that can fire a rule, each with the widest window and the lowest amount in force.
    public var records: [RecordBound] = []

    /// A department record kind that can fire: records dated after `opensAfter` up to the screening day, summed per
    /// person or per household when `amountAtLeast` is set (the sum must reach it).
    public struct RecordBound: Sendable, Hashable {
        public var kind: DepartmentEventKind
        public var opensAfter: CivilDate
        public var amountAtLeast: Money?
        public var summedPerPerson: Bool
    }

    public init(rules: ScreeningRuleSet, line: MonitoringLine, on date: CivilDate) {
        // The versions that can fire somewhere on `date`: enabled, in force, every parameter their kind needs usable.
        let usable = Dictionary(
            grouping: rules.versions.filter { version in
                version.enabled && version.effective.contains(date)
                    && version.kind.parameterNames.allSatisfy { ScreeningEngine.parameter($0, of: version) != nil }
            }, by: \.kind)
        func values(_ kind: ScreeningRuleKind, _ name: ScreeningParameter) -> [Int64] {
            (usable[kind] ?? []).compactMap { ScreeningEngine.parameter(name, of: $0) }
        }
        func isLive(_ kind: ScreeningRuleKind) -> Bool { usable[kind] != nil }
        let highestLine = line.table.rows.filter { $0.isInForce(on: date) }.map(\.value.fen).max()
        if let highestLine, let margin = values(.incomeBelowLine, .lineMarginPercent).max() {
            let (ceiling, overflow) = highestLine.multipliedReportingOverflow(by: 100 + margin)
            incomeCeilingHundredths = overflow ? .max : ceiling
        }
        smallestDropPercent = values(.sharpIncomeDrop, .dropPercent).min()
        rigidSpendingAboveIncome = isLive(.rigidSpendingAboveIncome)
        if isLive(.unsafeHousing) { unsafeHousingGrades = HousingSafetyGrade.allCases.filter { !$0.isSafe } }
        unsecuredWater = isLive(.unsafeWater)
        fewestStudents = values(.multipleInHigherEducation, .minimumStudents).min()
        fewestBeyondCompulsory = values(.childInNonCompulsorySchooling, .minimumStudents).min()
        frailBornBy = values(.frailElderly, .minimumAge).min().map { date.bornBy(age: Int($0)) }
        if let months = values(.newSevereDisability, .windowMonths).max(),
            let grade = values(.newSevereDisability, .maximumGrade).max()
        {
            registryDisability = (date.addingMonths(-Int(months)), grade)
        }
        if let months = values(.mainLabourerLoss, .windowMonths).max(),
            let remaining = values(.mainLabourerLoss, .maximumRemainingLabourers).max()
        {
            labourerLoss = (date.addingMonths(-Int(months)), remaining)
        }

        for ruleKind in ScreeningRuleKind.allCases {
            guard let recordKind = ruleKind.recordKind, let months = values(ruleKind, .windowMonths).max() else {
                continue
            }
            let threshold = values(ruleKind, .thresholdFen).min().map(Money.init(fen:))
            records.append(
                RecordBound(
                    kind: recordKind, opensAfter: date.addingMonths(-Int(months)), amountAtLeast: threshold,
                    summedPerPerson: ruleKind.isPersonLevel
                ))
        }
    }

    /// Whether a household's kept facts (no department records) pass a bound: the same test the database runs.
    public func admitsRegistryFacts(_ facts: HouseholdFacts, incomeYear year: Int) -> Bool {
        let last = facts.perCapitaIncome[year]
        let previous = facts.perCapitaIncome[year - 1]
        if let ceiling = incomeCeilingHundredths, let last,
            last.fen.multipliedReportingOverflow(by: 100).partialValue < ceiling
        {
            return true
        }
        if let percent = smallestDropPercent, let last, let previous, previous.fen > 0 {
            let (drop, dropOverflow) = previous.fen.subtractingReportingOverflow(last.fen)
            let (dropScaled, scaledOverflow) = drop.multipliedReportingOverflow(by: 100)
            let (base, baseOverflow) = previous.fen.multipliedReportingOverflow(by: percent)
            if dropOverflow || scaledOverflow || baseOverflow || dropScaled >= base { return true }
        }
        if rigidSpendingAboveIncome, let spending = facts.rigidSpending[year], let income = facts.netIncome[year - 1],
            spending > income
        {
            return true
        }
        if let grade = facts.housingGrade, unsafeHousingGrades.contains(grade) { return true }
        if unsecuredWater, facts.waterSecured == false { return true }
        if let fewest = fewestStudents, Int64(facts.membersInHigherEducation) >= fewest { return true }
        if let fewest = fewestBeyondCompulsory, Int64(facts.childrenBeyondCompulsory) >= fewest { return true }
        if let bornBy = frailBornBy, let born = facts.frailMemberBirthDate, born <= bornBy { return true }
        if let bound = registryDisability, let graded = facts.registryDisability, bound.opensAfter < graded.on,
            Int64(graded.grade) <= bound.maximumGrade
        {
            return true
        }
        if let bound = labourerLoss, let lost = facts.labourerLostOn, bound.opensAfter < lost,
            Int64(facts.labourers) <= bound.maximumRemaining
        {
            return true
        }
        return false
    }

    /// Whether the household's department records pass a bound.
    public func admitsRecords(_ events: [DepartmentEvent], on date: CivilDate) -> Bool {
        records.contains { bound in
            let inWindow = events.filter {
                $0.kind == bound.kind && bound.opensAfter < $0.eventDate && $0.eventDate <= date
            }
            guard let threshold = bound.amountAtLeast else { return !inWindow.isEmpty }
            let groups =
                bound.summedPerPerson ? Array(Dictionary(grouping: inWindow, by: \.idNumber).values) : [inWindow]
            return groups.contains { $0.reduce(Money.zero) { $0 + ($1.amount ?? .zero) } >= threshold }
        }
    }
}
