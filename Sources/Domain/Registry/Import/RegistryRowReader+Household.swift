extension RegistryRowReader {
    /// The household fields of the row; nil if any of them is wrong (the problems say which).
    mutating func household() -> HouseholdFields? {
        let before = problems.count
        let number = householdNumber()
        let village = villageCode()
        let group = subAreaCode(.groupCode, level: .group, village: village)
        let grid = subAreaCode(.gridCode, level: .grid, village: village)
        let type = requiredCode(.householdType, as: HouseholdType.self)
        let year = alleviatedYear(type: type)
        let phone = phone()
        let address = required(.address).flatMap { limited(.address, $0, to: 100) }
        let account = bankAccount()
        guard problems.count == before, let number, let village, let type, let address else { return nil }
        return HouseholdFields(
            number: number, villageCode: village, groupCode: group, gridCode: grid, type: type,
            alleviatedYear: year, phone: phone, address: address, bankAccount: account
        )
    }

    private mutating func householdNumber() -> String? {
        guard let value = required(.householdNumber) else { return nil }
        guard RegistryCell.isDigits(value) else {
            report(.householdNumber, "只能包含数字（不能有字母、空格或全角数字）")
            return nil
        }
        guard (6...30).contains(value.utf8.count) else {
            report(.householdNumber, "应为6–30位数字，实际为\(value.utf8.count)位")
            return nil
        }
        return value
    }

    private mutating func villageCode() -> AreaCode? {
        guard let value = required(.villageCode) else { return nil }
        guard let code = areaCode(.villageCode, value) else { return nil }
        guard code.level == .village else {
            report(.villageCode, "应为12位村级代码，实际为\(code.level.label)级代码")
            return nil
        }
        areas.village = code
        return code
    }

    /// A group or grid code: optional, of the right kind, and inside the row's own village, because a member
    /// placed in another village's group would be counted in the wrong village's statistics.
    private mutating func subAreaCode(_ column: RegistryColumn, level: AreaLevel, village: AreaCode?) -> AreaCode? {
        let value = text(column)
        guard !value.isEmpty, let code = areaCode(column, value) else { return nil }
        guard code.level == level else {
            let range = level == .group ? "001–499" : "501–999"
            report(column, "应为15位\(level.label)代码（村代码后加\(range)），实际为\(code.level.label)级代码")
            return nil
        }
        if let village, !village.contains(code) {
            report(column, "不属于本行村代码 \(village.value)：\(level.label)代码应以村代码开头")
            return nil
        }
        if village != nil {
            if level == .group { areas.group = code } else { areas.grid = code }
        }
        return code
    }

    private mutating func areaCode(_ column: RegistryColumn, _ value: String) -> AreaCode? {
        switch memo.code(value, column: column) {
        case .success(let code):
            return code
        case .failure(let error):
            report(column, error.message)
            return nil
        }
    }

    /// 脱贫年度 belongs to 脱贫户 only: the 建档立卡 period ran from 2013 to 2020.
    private mutating func alleviatedYear(type: HouseholdType?) -> Int? {
        let value = text(.alleviatedYear)
        var year: Int?
        if !value.isEmpty {
            if let parsed = RegistryCell.integer(value), (2013...2020).contains(parsed) {
                year = parsed
            } else {
                report(.alleviatedYear, "应为2013至2020之间的年份")
                return nil
            }
        }
        switch (type, year) {
        case (.povertyAlleviated, nil):
            report(.alleviatedYear, "户类型为脱贫户，必须填写脱贫年度")
        case (.ordinary, .some):
            report(.alleviatedYear, "户类型为一般农户，不应填写脱贫年度")
            return nil
        default:
            break
        }
        return year
    }

    /// A mobile number (11 digits starting with 1) or a landline (digits with at most one hyphen, 7–13
    /// characters, not starting with 1, since local numbers never do and a short “1…” is a mistyped mobile).
    private mutating func phone() -> String? {
        let value = text(.phone)
        guard !value.isEmpty else { return nil }
        let digits = String(value.unicodeScalars.filter { $0 != "-" })
        let hyphens = value.unicodeScalars.count - digits.unicodeScalars.count
        let isMobile = hyphens == 0 && digits.utf8.count == 11 && digits.hasPrefix("1")
        let isLandline =
            hyphens <= 1 && (7...13).contains(value.utf8.count) && !value.hasPrefix("1")
            && !value.hasPrefix("-") && !value.hasSuffix("-")
        guard RegistryCell.isDigits(digits), isMobile || isLandline else {
            report(.phone, "应为11位手机号（以1开头）或固定电话（7–13位数字，区号后可加一个“-”）")
            return nil
        }
        return value
    }

    private mutating func bankAccount() -> String? {
        let value = text(.bankAccount)
        guard !value.isEmpty else { return nil }
        guard RegistryCell.isDigits(value), (12...25).contains(value.utf8.count) else {
            report(.bankAccount, "应为12–25位数字，实际为\(value.count)个字符")
            return nil
        }
        return value
    }
}
