extension ScreeningEngine {
    /// Medical self-pay summed per person over the window, strictly above the threshold: one hit per person, as
    /// the S0 threshold is per person.
    static func hospitalSelfPay(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> [RuleHit] {
        guard let threshold = parameter(.thresholdFen, of: rule).map(Money.init(fen:)),
              let events = recentEvents(rule, facts, date) else { return [] }
        return byPerson(events).compactMap { person in
            let total = person.events.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
            guard total > threshold, let latest = person.events.last else { return nil }
            return hit(
                rule,
                ["自付金额": total.groupedYuan, "阈值": threshold.groupedYuan, "记录数": String(person.events.count)],
                "住院自付 \(total.spokenYuan) 元，超过 \(threshold.spokenYuan) 元",
                person: latest
            )
        }
    }

    /// A new record of `kind` (diagnosis, 低保, 特困, job loss) in the window: one hit per person, naming the latest.
    static func newRecords(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> [RuleHit] {
        guard let kind = rule.kind.recordKind, let events = recentEvents(rule, facts, date) else { return [] }
        return byPerson(events).compactMap { person in
            guard let latest = person.events.last else { return nil }
            return hit(
                rule,
                ["日期": latest.eventDate.description, "来源": kind.department.label],
                "\(latest.eventDate) \(kind.label)（\(kind.department.label)推送）",
                person: latest
            )
        }
    }

    /// A disability certificate in the window whose grade is `maximumGrade` or more severe (a lower number).
    static func newSevereDisability(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> [RuleHit] {
        guard let maximum = parameter(.maximumGrade, of: rule),
              let events = recentEvents(rule, facts, date) else { return [] }
        return byPerson(events).compactMap { person in
            let severe = person.events.filter { event in
                event.grade.flatMap { Int64($0) }.map { (1...maximum).contains($0) } ?? false
            }
            guard let latest = severe.last, let grade = latest.grade else { return nil }
            return hit(
                rule,
                ["日期": latest.eventDate.description, "残疾等级": "\(grade)级", "重度范围": "1至\(maximum)级"],
                "\(latest.eventDate) 办理残疾证，残疾等级 \(grade) 级，属重度（1 至 \(maximum) 级）",
                person: latest
            )
        }
    }

    /// Household losses from disasters summed over the window, strictly above the threshold.
    static func disasterDamage(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let threshold = parameter(.thresholdFen, of: rule).map(Money.init(fen:)),
              let events = recentEvents(rule, facts, date) else { return nil }
        let total = events.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
        guard total > threshold else { return nil }
        return hit(
            rule,
            ["受灾损失": total.groupedYuan, "阈值": threshold.groupedYuan, "记录数": String(events.count)],
            "受灾损失 \(total.spokenYuan) 元，超过 \(threshold.spokenYuan) 元"
        )
    }
}
