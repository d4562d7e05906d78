/// The checks that need more than one row: area codes against the user's scope, a household's rows against each
/// other, and identity numbers across the file. Everything is keyed by dictionaries so that a county file of
/// 60,000 rows takes one pass, not a comparison of every row with every other.
struct RegistryCrossRowCheck {
    let readings: [RegistryRowReading]
    private(set) var problems: [ImportProblem]
    /// Household numbers in order of first appearance, and the reading indices of each.
    private let householdOrder: [String]
    private let householdRows: [String: [Int]]

    init(readings: [RegistryRowReading]) {
        self.readings = readings
        problems = readings.flatMap(\.problems)
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        for (index, reading) in readings.enumerated() {
            let number = reading.text(.householdNumber)
            guard !number.isEmpty else { continue }
            if rows[number] == nil { order.append(number) }
            rows[number, default: []].append(index)
        }
        householdOrder = order
        householdRows = rows
    }

    private mutating func report(_ reading: RegistryRowReading, _ column: RegistryColumn, _ reason: String) {
        problems.append(ImportProblem(row: reading.row, column: column, value: reading.text(column), reason: reason))
    }

    /// Codes that are well formed but unknown or outside the user's area. The same message covers both so that
    /// the import does not reveal which codes exist elsewhere.
    mutating func checkAreas(isKnownVillage: (AreaCode) -> Bool, isKnownSubArea: (AreaCode) -> Bool) {
        var known: [AreaCode: Bool] = [:]
        for reading in readings {
            guard let village = reading.areas.village else { continue }
            if !Self.lookUp(village, in: &known, isKnownVillage) {
                report(reading, .villageCode, "\(RegistryColumn.villageCode.header) \(village.value) 不存在或不在您的管辖范围内")
                continue
            }
            for (column, code) in [(RegistryColumn.groupCode, reading.areas.group), (.gridCode, reading.areas.grid)] {
                guard let code, !Self.lookUp(code, in: &known, isKnownSubArea) else { continue }
                report(reading, column, "\(column.header) \(code.value) 不存在或不在您的管辖范围内")
            }
        }
    }

    private static func lookUp(_ code: AreaCode, in cache: inout [AreaCode: Bool], _ isKnown: (AreaCode) -> Bool) -> Bool {
        if let answer = cache[code] { return answer }
        let answer = isKnown(code)
        cache[code] = answer
        return answer
    }

    /// Household fields agree on every row; one head; at most one spouse. Rows of a household need not be
    /// next to each other, since sorting a sheet by name scatters them.
    mutating func checkHouseholds() {
        for number in householdOrder {
            let members = (householdRows[number] ?? []).map { readings[$0] }
            guard let first = members.first else { continue }
            for reading in members.dropFirst() {
                for column in RegistryColumn.allCases where column.isHouseholdField && column != .householdNumber {
                    let value = Self.comparable(reading, column)
                    let expected = Self.comparable(first, column)
                    guard value != expected else { continue }
                    let shown = first.text(column).isEmpty ? "空" : "“\(first.text(column))”"
                    report(reading, column, "同一户编号 \(number) 的各行应一致，该户第\(first.row)行为\(shown)")
                }
            }
            checkRelations(number: number, members: members)
        }
    }

    private mutating func checkRelations(number: String, members: [RegistryRowReading]) {
        func relation(_ reading: RegistryRowReading) -> RelationToHead? {
            RegistryCell.code(reading.text(.relation), as: RelationToHead.self)
        }
        let heads = members.filter { relation($0) == .head }
        let spouses = members.filter { relation($0) == .spouse }
        // Only when every relation was readable: a row with an unreadable relation may be the missing head,
        // and it already has its own problem.
        if heads.isEmpty, let first = members.first, members.allSatisfy({ relation($0) != nil }) {
            report(first, .relation, "户编号 \(number) 没有户主（共\(members.count)行：\(Self.rowList(members))），每户须有且只有一名户主")
        }
        if heads.count > 1 {
            for head in heads {
                report(head, .relation, "户编号 \(number) 有\(heads.count)名户主（\(Self.rowList(heads))），每户只能有一名户主")
            }
        }
        if spouses.count > 1 {
            for spouse in spouses {
                report(spouse, .relation, "户编号 \(number) 有\(spouses.count)名配偶（\(Self.rowList(spouses))），最多只能有一名")
            }
        }
    }

    /// The same person twice in one file, in one household or two, would be saved twice.
    mutating func checkDuplicateIdentities() {
        var rowsByNumber: [String: [Int]] = [:]
        for (index, reading) in readings.enumerated() where !reading.text(.idNumber).isEmpty {
            rowsByNumber[reading.text(.idNumber), default: []].append(index)
        }
        let readings = readings
        for indices in rowsByNumber.values where indices.count > 1 {
            for index in indices {
                // At most a few rows are named, so a file with one number on every row stays linear.
                let others = indices.lazy.filter { $0 != index }.prefix(Self.rowsNamed + 1).map { readings[$0] }
                report(readings[index], .idNumber, "身份证号在文件中重复出现，与\(Self.rowList(Array(others), total: indices.count - 1))相同")
            }
        }
    }

    /// Households none of whose rows has a problem of any kind.
    func cleanHouseholds() -> [HouseholdDraft] {
        let troubled = Set(problems.map(\.row))
        return householdOrder.compactMap { number -> HouseholdDraft? in
            let members = (householdRows[number] ?? []).map { readings[$0] }
            guard !members.contains(where: { troubled.contains($0.row) }), let fields = members.first?.household else {
                return nil
            }
            let records = members.compactMap(\.member)
            guard records.count == members.count else { return nil }
            return HouseholdDraft(fields: fields, members: records, rows: members.map(\.row))
        }
    }

    /// The household type may be written as label or raw value on different rows and still agree.
    private static func comparable(_ reading: RegistryRowReading, _ column: RegistryColumn) -> String {
        let text = reading.text(column)
        guard column == .householdType, let type = RegistryCell.code(text, as: HouseholdType.self) else { return text }
        return type.rawValue
    }

    static let rowsNamed = 10

    /// “第2、5、9行”; past ten rows only the first ten and the total (“第2、…、11行等120行”), so a message stays short.
    static func rowList(_ readings: [RegistryRowReading], total: Int? = nil) -> String {
        let count = total ?? readings.count
        let named = readings.prefix(rowsNamed).map { String($0.row) }.joined(separator: "、")
        return count > rowsNamed ? "第\(named)行等\(count)行" : "第\(named)行"
    }
}
