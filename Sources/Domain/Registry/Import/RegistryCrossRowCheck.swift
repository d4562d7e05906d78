/// The checks that need more than one row: area codes against the user's scope, a household's rows against each
/// other, and identity numbers across the file. Everything is keyed by dictionaries so that a county file of
/// 60,000 rows takes one pass, not a comparison of every row with every other. The checks return problems
/// instead of collecting them in `self`, so that reading a row never has to copy it.
struct RegistryCrossRowCheck {
    let readings: [RegistryRowReading]
    /// Household numbers in order of first appearance, and the reading indices of each.
    private let householdOrder: [String]
    private let householdRows: [String: [Int]]

    init(readings: [RegistryRowReading]) {
        self.readings = readings
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        for index in readings.indices {
            let number = readings[index].text(.householdNumber)
            guard !number.isEmpty else { continue }
            if rows[number] == nil { order.append(number) }
            rows[number, default: []].append(index)
        }
        householdOrder = order
        householdRows = rows
    }

    private func problem(_ index: Int, _ column: RegistryColumn, _ reason: String) -> ImportProblem {
        ImportProblem(row: readings[index].row, column: column, value: readings[index].text(column), reason: reason)
    }

    /// Codes that are well formed but unknown or outside the user's area. The same message covers both so that
    /// the import does not reveal which codes exist elsewhere.
    func areaProblems(isKnownVillage: (AreaCode) -> Bool, isKnownSubArea: (AreaCode) -> Bool) -> [ImportProblem] {
        var found: [ImportProblem] = []
        var known: [AreaCode: Bool] = [:]
        for index in readings.indices {
            let areas = readings[index].areas
            guard let village = areas.village else { continue }
            if !Self.lookUp(village, in: &known, isKnownVillage) {
                found.append(
                    problem(index, .villageCode, "\(RegistryColumn.villageCode.header) \(village.value) 不存在或不在您的管辖范围内"))
                continue
            }
            for (column, code) in [(RegistryColumn.groupCode, areas.group), (.gridCode, areas.grid)] {
                guard let code, !Self.lookUp(code, in: &known, isKnownSubArea) else { continue }
                found.append(problem(index, column, "\(column.header) \(code.value) 不存在或不在您的管辖范围内"))
            }
        }
        return found
    }

    private static func lookUp(
        _ code: AreaCode, in cache: inout [AreaCode: Bool], _ isKnown: (AreaCode) -> Bool
    ) -> Bool {
        if let answer = cache[code] { return answer }
        let answer = isKnown(code)
        cache[code] = answer
        return answer
    }

    /// Household fields agree on every row; one head; at most one spouse. Rows of a household need not be
    /// next to each other, since sorting a sheet by name scatters them.
    func householdProblems() -> [ImportProblem] {
        var found: [ImportProblem] = []
        for number in householdOrder {
            let members = householdRows[number] ?? []
            guard let first = members.first else { continue }
            let expected = Self.comparedColumns.map { comparable(first, $0) }
            for index in members.dropFirst() {
                for (column, expectedValue) in zip(Self.comparedColumns, expected)
                where comparable(index, column) != expectedValue {
                    let firstText = readings[first].text(column)
                    let shown = firstText.isEmpty ? "空" : "“\(firstText)”"
                    found.append(problem(index, column, "同一户编号 \(number) 的各行应一致，该户第\(readings[first].row)行为\(shown)"))
                }
            }
            found += relationProblems(number: number, members: members)
        }
        return found
    }

    private static let comparedColumns = RegistryColumn.allCases.filter {
        $0.isHouseholdField && $0 != .householdNumber
    }

    private func relationProblems(number: String, members: [Int]) -> [ImportProblem] {
        var found: [ImportProblem] = []
        let relations = members.map { RegistryCell.code(readings[$0].text(.relation), as: RelationToHead.self) }
        let heads = zip(members, relations).filter { $0.1 == .head }.map(\.0)
        let spouses = zip(members, relations).filter { $0.1 == .spouse }.map(\.0)
        // Only when every relation was readable: a row with an unreadable relation may be the missing head,
        // and it already has its own problem.
        if heads.isEmpty, let first = members.first, !relations.contains(nil) {
            found.append(
                problem(first, .relation, "户编号 \(number) 没有户主（共\(members.count)行：\(rowList(members))），每户须有且只有一名户主"))
        }
        if heads.count > 1 {
            let reason = "户编号 \(number) 有\(heads.count)名户主（\(rowList(heads))），每户只能有一名户主"
            found += heads.map { problem($0, .relation, reason) }
        }
        if spouses.count > 1 {
            let reason = "户编号 \(number) 有\(spouses.count)名配偶（\(rowList(spouses))），最多只能有一名"
            found += spouses.map { problem($0, .relation, reason) }
        }
        return found
    }

    /// The same person twice in one file, in one household or two, would be saved twice.
    func duplicateIdentityProblems() -> [ImportProblem] {
        var rowsByNumber: [String: [Int]] = [:]
        for index in readings.indices {
            let number = readings[index].text(.idNumber)
            if !number.isEmpty { rowsByNumber[number, default: []].append(index) }
        }
        var found: [ImportProblem] = []
        for indices in rowsByNumber.values where indices.count > 1 {
            for index in indices {
                // At most a few rows are named, so a file with one number on every row stays linear.
                let others = Array(indices.lazy.filter { $0 != index }.prefix(Self.rowsNamed + 1))
                found.append(problem(index, .idNumber, "身份证号在文件中重复出现，与\(rowList(others, total: indices.count - 1))相同"))
            }
        }
        return found
    }

    /// Households none of whose rows is in `troubledRows`.
    func cleanHouseholds(troubledRows: Set<Int>) -> [HouseholdDraft] {
        householdOrder.compactMap { number -> HouseholdDraft? in
            let members = householdRows[number] ?? []
            guard !members.contains(where: { troubledRows.contains(readings[$0].row) }),
                let first = members.first, let fields = readings[first].household
            else { return nil }
            let records = members.compactMap { readings[$0].member }
            guard records.count == members.count else { return nil }
            return HouseholdDraft(fields: fields, members: records, rows: members.map { readings[$0].row })
        }
    }

    /// The household type may be written as label or raw value on different rows and still agree.
    private func comparable(_ index: Int, _ column: RegistryColumn) -> String {
        let text = readings[index].text(column)
        guard column == .householdType, let type = RegistryCell.code(text, as: HouseholdType.self) else { return text }
        return type.rawValue
    }

    static let rowsNamed = 10

    /// “第2、5、9行” for reading indices; past ten rows only the first ten and the total (“第2、…、11行等120行”),
    /// so a message stays short.
    func rowList(_ indices: [Int], total: Int? = nil) -> String {
        let count = total ?? indices.count
        let named = indices.prefix(Self.rowsNamed).map { String(readings[$0].row) }.joined(separator: "、")
        return count > Self.rowsNamed ? "第\(named)行等\(count)行" : "第\(named)行"
    }
}
