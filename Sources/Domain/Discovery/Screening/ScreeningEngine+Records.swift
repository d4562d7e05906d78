extension ScreeningEngine {
    /// Medical self-pay summed per person over the window, at or above the threshold (S0: 5万元以上): one hit per
    /// person, as the S0 threshold is per person.
    static func hospitalSelfPay(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> [RuleHit] {
        guard let threshold = parameter(.thresholdFen, of: rule).map(Money.init(fen:)),
            let events = recentEvents(rule, facts, date)
        else { return [] }
        return byPerson(events).compactMap { person in
            let total = person.events.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
            guard total >= threshold, let latest = person.events.last else { return nil }
            return hit(
                rule,
                ["自付金额": total.groupedYuan, "阈值": threshold.groupedYuan, "记录数": String(person.events.count)],
                "住院自付 \(total.spokenYuan) 元，达到 \(threshold.spokenYuan) 元以上",
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

    /// A disability certificate in the window whose grade is `maximumGrade` or more severe (a lower number), one hit
    /// per person; without one, a disability grade that severe set in the registry in the window (an edit or an
    /// import that graded a member, dated the day the registry recorded it), one hit for the household.
    static func newSevereDisability(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> [RuleHit] {
        guard let maximum = parameter(.maximumGrade, of: rule), let months = parameter(.windowMonths, of: rule),
            let events = recentEvents(rule, facts, date)
        else { return [] }
        let certified = byPerson(events).compactMap { person -> RuleHit? in
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
        guard certified.isEmpty else { return certified }
        guard let graded = facts.registryDisability, (1...maximum).contains(Int64(graded.grade)),
            inWindow(graded.on, months: months, endingOn: date)
        else { return [] }
        return [
            hit(
                rule,
                ["日期": graded.on.description, "残疾等级": "\(graded.grade)级", "重度范围": "1至\(maximum)级", "来源": "登记信息"],
                "\(graded.on) 登记信息中成员残疾等级调整为 \(graded.grade) 级，属重度（1 至 \(maximum) 级）"
            )
        ]
    }

    /// Household losses from disasters summed over the window, at or above the threshold.
    static func disasterDamage(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let threshold = parameter(.thresholdFen, of: rule).map(Money.init(fen:)),
            let events = recentEvents(rule, facts, date)
        else { return nil }
        let total = events.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
        guard total >= threshold else { return nil }
        return hit(
            rule,
            ["受灾损失": total.groupedYuan, "阈值": threshold.groupedYuan, "记录数": String(events.count)],
            "受灾损失 \(total.spokenYuan) 元，达到 \(threshold.spokenYuan) 元以上"
        )
    }
}

extension ScreeningEngine {
    /// 失能失智老年人 (seed 002 初选对象 5): a current member at least `minimumAge` years old who has lost labour
    /// capacity (丧失劳动力) and has a serious illness or a disability (`HouseholdFacts.frailMemberBirthDate`). The
    /// registry has no care-needs assessment, so this is the closest it comes; the home check confirms it.
    static func frailElderly(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let age = parameter(.minimumAge, of: rule), let born = facts.frailMemberBirthDate,
            born <= date.bornBy(age: Int(age))
        else { return nil }
        return hit(
            rule,
            ["出生日期": born.description, "年龄下限": "\(age)周岁"],
            "家中有 \(age) 周岁以上、丧失劳动力且患大病或残疾的老年人（\(born) 出生），可能失能失智"
        )
    }

    /// 家庭主要劳动力丧失 (seed 002 初选对象 1: 主要劳动力发生意外事故、突患重疾等导致家庭劳动力大幅减少): a
    /// labour-capable member departed (died or moved away) or was rated without labour in the window, and the
    /// household has at most `maximumRemainingLabourers` capable members left.
    static func mainLabourerLoss(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let remaining = parameter(.maximumRemainingLabourers, of: rule),
            let months = parameter(.windowMonths, of: rule),
            let lost = facts.labourerLostOn, inWindow(lost, months: months, endingOn: date),
            Int64(facts.labourers) <= remaining
        else { return nil }
        return hit(
            rule,
            ["日期": lost.description, "现有劳动力": "\(facts.labourers)人", "剩余上限": "\(remaining)人"],
            "\(lost) 家庭劳动力成员减员或丧失劳动能力，现有劳动力 \(facts.labourers) 人"
        )
    }
}
