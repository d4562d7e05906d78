extension DataQualityCheck {
    /// The member-level rules, in rule order. `duplicated` is how often the number occurs and where.
    static func memberFindings(
        _ member: MemberRecord, today: CivilDate, duplicated: (times: Int, households: [String])?,
        isKnownRegion: (String) -> Bool
    ) -> [DataQualityFinding] {
        var details: [(DataQualityRule, String)] = []
        // Masked: findings are listed to staff who need to know which record, not the whole number.
        let shownNumber = PersonalDataMask.identityNumber(member.idNumber)
        if case .failure(let error) = IdentityNumber.validate(
            member.idNumber, today: today, isKnownRegion: isKnownRegion)
        {
            details.append((.invalidIdentityNumber, "身份证号 \(shownNumber) 无效：\(error.message)"))
        }
        if let duplicated {
            var seen = Set<String>()
            let households = duplicated.households.filter { seen.insert($0).inserted }.joined(separator: "、")
            details.append((.duplicateIdentityNumber, "身份证号 \(shownNumber) 共登记\(duplicated.times)次（户编号：\(households)）"))
        }
        let age = member.age(on: today)
        if let detail = schoolStatusProblem(member, age: age) { details.append((.schoolStatusAge, detail)) }
        if let detail = labourProblem(member, age: age) { details.append((.labourCapacity, detail)) }
        if let detail = workProblem(member) { details.append((.workFieldsIncomplete, detail)) }
        if !member.medicalInsured {
            details.append((.notMedicallyInsured, "未参加基本医疗保险，需核实是否已参保或落实资助参保"))
        }
        return details.map { DataQualityFinding(rule: $0.0, memberName: member.name, detail: $0.1) }
    }

    /// A school-age child with no school status may have dropped out (控辍保学); a status outside its plausible
    /// ages (an adult of 25 still “in primary school”) is a record nobody updated.
    private static func schoolStatusProblem(_ member: MemberRecord, age: Int) -> String? {
        let compulsory = MemberPlausibility.compulsorySchoolAges
        guard let status = member.schoolStatus else {
            guard compulsory.contains(age) else { return nil }
            return "\(age)岁，处于义务教育年龄（\(compulsory.lowerBound)–\(compulsory.upperBound)岁）但未填写在校状况，可能辍学"
        }
        let ages = MemberPlausibility.plausibleAges(for: status)
        guard !ages.contains(age) else { return nil }
        return "\(age)岁，在校状况为“\(status.label)”，该阶段应为\(ages.lowerBound)–\(ages.upperBound)岁"
    }

    /// N7 rule 5_12_008: a healthy working-age person not in school is labour; and a child is not.
    private static func labourProblem(_ member: MemberRecord, age: Int) -> String? {
        let working = MemberPlausibility.workingAges
        let capacity = member.labourCapacity
        if !MemberPlausibility.isLabourPossible(capacity, age: age) {
            return "\(age)岁，未满\(working.lowerBound)周岁，劳动技能不应为“\(capacity.label)”"
        }
        if working.contains(age), member.health == [.healthy], member.schoolStatus == nil,
            capacity == .none || capacity == .weakOrHalf
        {
            return "\(age)岁、健康且不在校，劳动技能不应为“\(capacity.label)”（N7 规则 5_12_008）"
        }
        return nil
    }

    private static func workProblem(_ member: MemberRecord) -> String? {
        let place = member.workPlace.map(RegistryCell.trimmed) ?? ""
        switch (place.isEmpty, member.workMonths) {
        case (false, nil): return "填写了务工地点“\(place)”，但未填写务工月数"
        case (true, .some(let months)): return "填写了务工月数\(months)个月，但未填写务工地点"
        default: return nil
        }
    }
}
