extension ScreeningEngine {
    /// Registry members in higher education plus students the education department reports in the window who are
    /// not among them; fires when the count reaches `minimumStudents`.
    static func multipleInHigherEducation(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> RuleHit? {
        guard let minimum = parameter(.minimumStudents, of: rule),
              let events = recentEvents(rule, facts, date) else { return nil }
        let reported = Set(events.filter { event in
            event.level.flatMap(SchoolStatus.init(rawValue:))?.isHigherEducation ?? false
        }.map(\.idNumber))
        let count = facts.membersInHigherEducation + reported.subtracting(facts.higherEducationIDNumbers).count
        guard count >= minimum else { return nil }
        return hit(
            rule,
            ["在读人数": String(count), "人数下限": String(minimum)],
            "\(count) 人在读高等教育，达到 \(minimum) 人"
        )
    }

    /// A C or D dwelling, by the registry or by a housing-department rating in the window. Either source is enough:
    /// a lead is checked on site, and a missed dangerous house costs more than a visit.
    static func unsafeHousing(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let events = recentEvents(rule, facts, date) else { return nil }
        let rated = events.last { $0.grade.flatMap(HousingSafetyGrade.init(rawValue:)).map { !$0.isSafe } ?? false }
        if let rated, let grade = rated.grade.flatMap(HousingSafetyGrade.init(rawValue:)) {
            let source = "\(DepartmentEventKind.housingRating.department.label) \(rated.eventDate)"
            return hit(rule, ["住房等级": grade.label, "来源": source], "住房安全等级为 \(grade.label)（\(source)鉴定）")
        }
        guard let grade = facts.housingGrade, !grade.isSafe else { return nil }
        return hit(rule, ["住房等级": grade.label, "来源": "登记信息"], "住房安全等级为 \(grade.label)（登记信息）")
    }

    /// Water not secured in the registry, or a water-department record in the window.
    static func unsafeWater(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        guard let events = recentEvents(rule, facts, date) else { return nil }
        if let latest = events.last {
            let source = "\(DepartmentEventKind.waterUnsafe.department.label) \(latest.eventDate)"
            return hit(rule, ["来源": source], "\(latest.eventDate) \(DepartmentEventKind.waterUnsafe.department.label)推送饮水不安全")
        }
        guard facts.waterSecured == false else { return nil }
        return hit(rule, ["来源": "登记信息"], "饮水安全未保障（登记信息）")
    }
}
