extension RegistryRowReader {
    /// The member fields of the row; nil if any of them is wrong.
    mutating func member(today: CivilDate, isKnownRegion: (String) -> Bool) -> MemberRecord? {
        let before = problems.count
        let name = name()
        let identity = identity(today: today, isKnownRegion: isKnownRegion)
        let relation = requiredCode(.relation, as: RelationToHead.self)
        let ethnicity = required(.ethnicity).flatMap { limited(.ethnicity, $0, to: 10) }
        let education = requiredCode(.education, as: Education.self)
        let school =
            text(.schoolStatus) == SchoolStatus.noneLabel ? nil : optionalCode(.schoolStatus, as: SchoolStatus.self)
        let health = health()
        let grade = disabilityGrade(health: health)
        let labour = requiredCode(.labourCapacity, as: LabourCapacity.self)
        let (workPlace, workMonths) = work()
        let medical = boolean(.medicalInsurance)
        let pension = boolean(.pensionInsurance)
        let minimumLiving = boolean(.minimumLiving)
        let extremePoverty = boolean(.extremePoverty)
        let publicWelfareJob = boolean(.publicWelfareJob)
        if let identity {
            checkAge(identity.age(on: today), school: school, labour: labour)
        }
        guard problems.count == before, let name, let identity, let relation, let ethnicity, let education,
            let health, let labour, let medical, let pension, let minimumLiving, let extremePoverty,
            let publicWelfareJob
        else { return nil }
        return MemberRecord(
            name: name, identity: identity, relation: relation, ethnicity: ethnicity, education: education,
            schoolStatus: school, health: health, disabilityGrade: grade, labourCapacity: labour,
            workPlace: workPlace, workMonths: workMonths, medicalInsured: medical, pensionInsured: pension,
            minimumLiving: minimumLiving, extremePoverty: extremePoverty, publicWelfareJob: publicWelfareJob
        )
    }

    /// Names are 1–30 characters with no digits or invisible characters; the middle dot of transliterated
    /// minority names (阿依古丽·买买提) is allowed between parts.
    private mutating func name() -> String? {
        guard let value = required(.name), let name = limited(.name, value, to: 30) else { return nil }
        if name.unicodeScalars.contains(where: Self.isNumeral) {
            report(.name, "姓名不能包含数字")
            return nil
        }
        if name.unicodeScalars.contains(where: Self.isInvisible) {
            report(.name, "姓名含有不可见的控制字符，请重新输入")
            return nil
        }
        if name.hasPrefix("·") || name.hasSuffix("·") {
            report(.name, "间隔号“·”只能用在姓名中间")
            return nil
        }
        return name
    }

    /// Digits of any script (ASCII, full-width, circled, Roman numerals); Chinese numerals such as 一 are letters
    /// and common in given names. ASCII first, because a property lookup per character is slow at 60,000 rows.
    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return [.decimalNumber, .letterNumber, .otherNumber].contains(scalar.properties.generalCategory)
    }

    /// Control and format characters (zero-width spaces, direction marks) that look like nothing but make two
    /// names differ.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return [.control, .format].contains(scalar.properties.generalCategory)
    }

    private mutating func identity(today: CivilDate, isKnownRegion: (String) -> Bool) -> IdentityNumber? {
        guard let value = required(.idNumber) else { return nil }
        switch IdentityNumber.validate(value, today: today, isKnownRegion: isKnownRegion) {
        case .success(let identity):
            return identity
        case .failure(let error):
            report(.idNumber, error.message)
            return nil
        }
    }

    /// 健康状况 is multi-select; “健康” stands alone.
    private mutating func health() -> Set<HealthCondition>? {
        guard let value = required(.health) else { return nil }
        var selection: Set<HealthCondition> = []
        var unknown: [String] = []
        for item in RegistryCell.listItems(value) {
            if let condition = RegistryCell.code(item, as: HealthCondition.self) {
                selection.insert(condition)
            } else {
                unknown.append(item)
            }
        }
        guard unknown.isEmpty else {
            let items = unknown.map { "「\($0)」" }.joined(separator: "、")
            report(.health, "\(items)不是健康状况，应为：\(RegistryCell.labels(of: HealthCondition.self))，多项用“、”分隔")
            return nil
        }
        guard HealthCondition.isValidSelection(selection) else {
            report(.health, "“健康”不能与其他健康状况同时填写")
            return nil
        }
        return selection
    }

    /// Filled exactly for the disabled; a grade without 残疾 usually means the health cell is incomplete.
    private mutating func disabilityGrade(health: Set<HealthCondition>?) -> Int? {
        // “无” is how the form and many spreadsheets say "not disabled".
        let value = text(.disabilityGrade) == "无" ? "" : text(.disabilityGrade)
        var grade: Int?
        if !value.isEmpty {
            guard let parsed = RegistryCell.integer(value), (1...4).contains(parsed) else {
                report(.disabilityGrade, "应为1至4之间的数字")
                return nil
            }
            grade = parsed
        }
        guard let health else { return grade }
        if health.contains(.disability), grade == nil {
            report(.disabilityGrade, "健康状况含“残疾”，必须填写残疾等级（1–4）")
        } else if !health.contains(.disability), grade != nil {
            report(.disabilityGrade, "健康状况不含“残疾”，不应填写残疾等级")
            return nil
        }
        return grade
    }

    /// Work place and months are filled together or not at all (POLICY §10, an N7 data check).
    private mutating func work() -> (String?, Int?) {
        let placeText = text(.workPlace)
        let monthsText = text(.workMonths)
        let place = placeText.isEmpty ? nil : limited(.workPlace, placeText, to: 50)
        var months: Int?
        if !monthsText.isEmpty {
            if let parsed = RegistryCell.integer(monthsText), (0...12).contains(parsed) {
                months = parsed
            } else {
                report(.workMonths, "应为0至12之间的整数")
            }
        }
        if placeText.isEmpty, !monthsText.isEmpty {
            report(.workPlace, "已填写务工月数“\(monthsText)”，务工地点也须填写（两项同时填写或同时留空）")
        } else if !placeText.isEmpty, monthsText.isEmpty {
            report(.workMonths, "已填写务工地点“\(placeText)”，务工月数也须填写（两项同时填写或同时留空）")
        }
        return (place, months)
    }

    /// Only what cannot be true is refused here; softer signs such as a school-age child without a school status
    /// are left to the data-quality check, because they are facts to follow up, not typing errors.
    private mutating func checkAge(_ age: Int, school: SchoolStatus?, labour: LabourCapacity?) {
        if let school {
            let ages = MemberPlausibility.plausibleAges(for: school)
            if !ages.contains(age) {
                report(.schoolStatus, "与年龄\(age)岁不符（按身份证号计算），“\(school.label)”应为\(ages.lowerBound)–\(ages.upperBound)岁")
            }
        }
        if let labour, !MemberPlausibility.isLabourPossible(labour, age: age) {
            report(
                .labourCapacity, "未满\(MemberPlausibility.workingAges.lowerBound)周岁（按身份证号计算为\(age)岁）不能为“\(labour.label)”"
            )
        }
    }
}
