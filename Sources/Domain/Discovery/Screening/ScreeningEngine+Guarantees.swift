extension ScreeningEngine {
    /// The household's children in higher education in the registry plus children the education department reports
    /// in the window who are not among them; fires when the count reaches `minimumStudents`. S0 counts 子女, so
    /// other members (a parent studying, a grandchild) do not count.
    static func multipleInHigherEducation(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> RuleHit? {
        guard let minimum = parameter(.minimumStudents, of: rule),
            let count = students(
                rule, facts, date, registry: facts.membersInHigherEducation,
                known: facts.higherEducationIDNumbers, stage: \.isHigherEducation),
            count >= minimum
        else { return nil }
        return hit(
            rule,
            ["在读人数": String(count), "人数下限": String(minimum)],
            "\(count) 人在读高等教育，达到 \(minimum) 人"
        )
    }

    /// 子女就读非义务教育阶段 (S0): children in senior high, secondary vocational, technician college or higher
    /// education, in the registry or reported by the education department in the window; fires when the count
    /// reaches `minimumStudents`.
    static func childInNonCompulsorySchooling(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> RuleHit? {
        guard let minimum = parameter(.minimumStudents, of: rule),
            let count = students(
                rule, facts, date, registry: facts.childrenBeyondCompulsory,
                known: facts.beyondCompulsoryIDNumbers, stage: \.isBeyondCompulsory),
            count >= minimum
        else { return nil }
        return hit(
            rule,
            ["在读人数": String(count), "人数下限": String(minimum)],
            "\(count) 名子女就读非义务教育阶段（高中、中职或高等教育），达到 \(minimum) 人"
        )
    }

    /// Registry children at a stage plus the children that education records in the window report at it who are
    /// not among `known`; nil without a window.
    private static func students(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate, registry: Int, known: Set<String>,
        stage: (SchoolStatus) -> Bool
    ) -> Int64? {
        guard let events = recentEvents(rule, facts, date) else { return nil }
        let reported = Set(
            events.filter { event in
                (event.level.flatMap(SchoolStatus.init(rawValue:)).map(stage) ?? false)
                    && (facts.childIDNumbers?.contains(event.idNumber) ?? true)
            }.map(\.idNumber))
        return Int64(registry + reported.subtracting(known).count)
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
            return hit(
                rule, ["来源": source], "\(latest.eventDate) \(DepartmentEventKind.waterUnsafe.department.label)推送饮水不安全")
        }
        guard facts.waterSecured == false else { return nil }
        return hit(rule, ["来源": "登记信息"], "饮水安全未保障（登记信息）")
    }
}
