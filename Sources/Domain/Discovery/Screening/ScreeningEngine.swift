/// 筛查引擎: runs rule versions over one household's facts. Pure and cheap, so a county's whole registry can be
/// screened in a batch, and a dry run of a new threshold costs nothing but time.
///
/// Thresholds include their figure: an amount or a fall that reaches its threshold fires ("5万元以上" includes
/// 50,000: 以上 counts the figure itself), one fen under does not. Comparisons with the household's own figures are
/// strict as the sources word them: income "低于" the line, spending "超过" last year's income. Parameters named as
/// bounds are inclusive as their names say: `minimumStudents` and `minimumAge` fire when reached, `maximumGrade`
/// and `maximumRemainingLabourers` include their value.
///
/// Income rules judge the last complete year before the screening day ("this year" = `date.year - 1`, the year
/// before that for comparisons). Department-record rules look at records dated within the rule's `windowMonths`
/// up to and including the screening day.
public enum ScreeningEngine {
    /// Hits in `ScreeningRuleKind` order, person-level hits by identity number. Versions that are disabled, not in
    /// force on `date`, scoped elsewhere or missing a parameter are skipped; pass `ScreeningRuleSet.inForce` so
    /// that each kind is judged by one version.
    public static func evaluate(_ facts: HouseholdFacts, rules: [ScreeningRuleVersion], on date: CivilDate) -> [RuleHit]
    {
        evaluate(facts, prepared: prepared(rules, for: facts.villageCode, on: date), on: date)
    }

    /// The versions that apply in `village` on `date`, in the order the engine runs them. A screening prepares them
    /// once per village rather than once per household.
    public static func prepared(
        _ rules: [ScreeningRuleVersion], for village: AreaCode, on date: CivilDate
    ) -> [ScreeningRuleVersion] {
        rules.filter { $0.enabled && $0.applies(to: village, on: date) }
            .sorted { (kindOrder[$0.kind] ?? 0, $0.version) < (kindOrder[$1.kind] ?? 0, $1.version) }
    }

    /// `evaluate` with rules already `prepared` for the household's village and the date.
    public static func evaluate(
        _ facts: HouseholdFacts, prepared rules: [ScreeningRuleVersion], on date: CivilDate
    ) -> [RuleHit] {
        var found: [RuleHit] = []
        for rule in rules { found.append(contentsOf: hits(of: rule, facts: facts, on: date)) }
        return found
    }

    private static let kindOrder = Dictionary(
        uniqueKeysWithValues: ScreeningRuleKind.allCases.enumerated().map { ($1, $0) })

    static func hits(of rule: ScreeningRuleVersion, facts: HouseholdFacts, on date: CivilDate) -> [RuleHit] {
        switch rule.kind {
        case .incomeBelowLine: incomeBelowLine(rule, facts, date).map { [$0] } ?? []
        case .sharpIncomeDrop: sharpIncomeDrop(rule, facts, date).map { [$0] } ?? []
        case .rigidSpendingAboveIncome: rigidSpendingAboveIncome(rule, facts, date).map { [$0] } ?? []
        case .hospitalSelfPay: hospitalSelfPay(rule, facts, date)
        case .newSeriousIllness: newRecords(rule, facts, date)
        case .newMinimumLiving: newRecords(rule, facts, date)
        case .newExtremePoverty: newRecords(rule, facts, date)
        case .jobLoss: newRecords(rule, facts, date)
        case .newSevereDisability: newSevereDisability(rule, facts, date)
        case .multipleInHigherEducation: multipleInHigherEducation(rule, facts, date).map { [$0] } ?? []
        case .unsafeHousing: unsafeHousing(rule, facts, date).map { [$0] } ?? []
        case .disasterDamage: disasterDamage(rule, facts, date).map { [$0] } ?? []
        case .unsafeWater: unsafeWater(rule, facts, date).map { [$0] } ?? []
        case .childInNonCompulsorySchooling: childInNonCompulsorySchooling(rule, facts, date).map { [$0] } ?? []
        case .frailElderly: frailElderly(rule, facts, date).map { [$0] } ?? []
        case .mainLabourerLoss: mainLabourerLoss(rule, facts, date).map { [$0] } ?? []
        }
    }

    /// The rule's parameter when present and in range; a rule without a usable value stays silent, and
    /// `ScreeningRuleSet.problems` reports it.
    static func parameter(_ name: ScreeningParameter, of rule: ScreeningRuleVersion) -> Int64? {
        guard let value = rule.parameter(name), name.allowedRange.contains(value) else { return nil }
        return value
    }

    /// The records the rule reads (`ScreeningRuleKind.recordKind`) dated in its window ending on `date`, oldest
    /// first; nil without a window.
    static func recentEvents(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> [DepartmentEvent]? {
        guard let kind = rule.kind.recordKind, let months = parameter(.windowMonths, of: rule) else { return nil }
        let opens = date.addingMonths(-Int(months))
        return facts.events
            .filter { $0.kind == kind && opens < $0.eventDate && $0.eventDate <= date }
            .sorted { ($0.eventDate, $0.idNumber) < ($1.eventDate, $1.idNumber) }
    }

    /// Records grouped per person, in identity-number order so the hits come out the same on every run.
    static func byPerson(_ events: [DepartmentEvent]) -> [(idNumber: String, events: [DepartmentEvent])] {
        Dictionary(grouping: events, by: \.idNumber).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func hit(
        _ rule: ScreeningRuleVersion, _ values: [String: String], _ message: String, person: DepartmentEvent? = nil,
        riskType: RiskType? = nil
    ) -> RuleHit {
        RuleHit(
            kind: rule.kind, version: rule.version, riskType: riskType ?? rule.kind.riskType, values: values,
            message: message,
            memberName: person?.memberName, idNumber: person?.idNumber
        )
    }

    /// `part` as a share of `whole` in tenths of a percent, rounded down: "35.0%".
    static func percentText(_ part: Int64, of whole: Int64) -> String {
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 1000)
        let permille = overflow || whole == 0 ? 0 : scaled / whole
        return "\(permille / 10).\(permille % 10)%"
    }
}

extension CivilDate {
    /// The same day `months` months later (earlier when negative), moved back to the month's last day when the
    /// month is shorter (a year before 2024-02-29 is 2023-02-28).
    public func addingMonths(_ months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CivilDate(known: newYear, newMonth, min(day, CivilDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// The latest birth date of someone at least `years` old on this day. Engine and bounds both use it, so they
    /// agree on 29 February.
    public func bornBy(age years: Int) -> CivilDate { addingMonths(-12 * years) }
}

extension ScreeningEngine {
    /// Whether `day` falls in the window of `months` months ending on `date`: after the day `months` months before,
    /// up to `date`.
    static func inWindow(_ day: CivilDate, months: Int64, endingOn date: CivilDate) -> Bool {
        date.addingMonths(-Int(months)) < day && day <= date
    }
}
