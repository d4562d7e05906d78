extension ScreeningEngine {
    /// 研判有效期: the last day on which `evaluate(facts, prepared: rules, on:)` is sure to give what it gives on
    /// `date`, as long as the household's facts and the rules stay as they are: the day before the first record in a
    /// rule's window leaves it (or a record dated after `date` enters it), the same for the registry changes the
    /// disability and labour rules date (a grade set, a labourer lost), the day before a frail member reaches the
    /// elderly age, and at the latest the year's last day, after which the income rules judge another year.
    ///
    /// Records leaving a window only take away (a sum falls, a person drops out), so a household without hits on
    /// `date` stays without them until its facts change; a household with hits may see their numbers change, which
    /// is why its judgement holds only until then.
    public static func judgementHolds(
        _ facts: HouseholdFacts, prepared rules: [ScreeningRuleVersion], on date: CivilDate
    ) -> CivilDate {
        var last = CivilDate(known: date.year, 12, 31)
        for rule in rules {
            if rule.kind == .frailElderly, let age = parameter(.minimumAge, of: rule).map(Int.init),
                let born = facts.frailMemberBirthDate, date.bornBy(age: Int(age)) < born
            {
                last = min(last, firstDayAged(born, age, after: date).adding(days: -1))
            }
            guard let months = parameter(.windowMonths, of: rule).map(Int.init) else { continue }
            let opens = date.addingMonths(-months)
            var days =
                rule.kind.recordKind.map { kind in facts.events.filter { $0.kind == kind }.map(\.eventDate) } ?? []
            if rule.kind == .newSevereDisability, let graded = facts.registryDisability { days.append(graded.on) }
            if rule.kind == .mainLabourerLoss, let lost = facts.labourerLostOn { days.append(lost) }
            for day in days {
                if date < day {
                    last = min(last, day.adding(days: -1))
                } else if opens < day {
                    last = min(last, firstDayWithout(day, months: months, after: date).adding(days: -1))
                }
            }
        }
        return last
    }

    /// The first day after `date` on which someone born on `born` is `age` years old, as `CivilDate.bornBy` counts.
    static func firstDayAged(_ born: CivilDate, _ age: Int, after date: CivilDate) -> CivilDate {
        var candidate = max(date.adding(days: 1), born.addingMonths(12 * age).adding(days: -3))
        while candidate.bornBy(age: age) < born { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The first day after `date` whose window of `months` months (opening after the day `months` months before)
    /// no longer holds a record dated `day`. The window's opening moves forward with the day, never back, so the
    /// search starts a few days before the month-for-month date and walks forward.
    static func firstDayWithout(_ day: CivilDate, months: Int, after date: CivilDate) -> CivilDate {
        var candidate = max(date.adding(days: 1), day.addingMonths(months).adding(days: -3))
        while candidate.addingMonths(-months) < day { candidate = candidate.adding(days: 1) }
        return candidate
    }
}

extension ScreeningRuleSet {
    /// What every household's judgement on `date` depends on besides its own facts: the engine's revision, the
    /// income year, and the rule versions and monitoring-line rows in force that day, written out in a fixed order.
    /// Two days with the same basis judge unchanged households alike, so judgements kept from one can stand on the
    /// other.
    public func judgementBasis(line: MonitoringLine, on date: CivilDate) -> String {
        let versions = self.versions.filter { $0.effective.contains(date) }.map { version in
            let parameters = version.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: ",")
            return
                "\(version.kind.rawValue)@\(version.scope?.value ?? "")#\(version.version)\(version.enabled ? "+" : "-")(\(parameters))"
        }.sorted()
        let lines = line.table.rows.filter { $0.isInForce(on: date) }
            .map { "\($0.scope?.value ?? "")@\($0.effectiveFrom)=\($0.value.fen)" }.sorted()
        return (["engine \(ScreeningEngine.revision)", "year \(date.year)"] + versions + lines).joined(separator: ";")
    }
}

extension ScreeningEngine {
    /// Changes whenever a rule of the engine changes what it finds or how it names a hit: judgements kept from an
    /// earlier revision are made again.
    public static let revision = "2026-12-04"
}
