/// The state of reading one department record: its cells and the problems found so far.
struct DepartmentRowReader {
    let kind: DepartmentEventKind
    let row: Int
    let cells: [DepartmentEventColumn: String]
    let today: CivilDate
    private(set) var problems: [ImportProblem] = []

    /// Names longer than this are a column mix-up, not a name.
    static let nameLimit = 50
    static let noteLimit = 500
    /// Department systems were built after 2000, so an earlier date is a typo (often a birth date in the wrong
    /// column), not a record.
    static let earliestDate = CivilDate(known: 2000, 1, 1)

    init(kind: DepartmentEventKind, row: Int, cells: [DepartmentEventColumn: String], today: CivilDate) {
        self.kind = kind
        self.row = row
        self.cells = cells
        self.today = today
    }

    func text(_ column: DepartmentEventColumn) -> String { cells[column] ?? "" }

    mutating func report(_ column: DepartmentEventColumn, _ reason: String) {
        problems.append(ImportProblem(row: row, column: column.header, value: text(column), reason: reason))
    }

    /// The event when every field the kind needs is valid; nil with problems otherwise.
    mutating func event(isKnownRegion: (String) -> Bool) -> DepartmentEvent? {
        let idNumber = identity(isKnownRegion: isKnownRegion)
        let name = limited(.name, required(.name), to: Self.nameLimit)
        let date = eventDate()
        let note = limited(.note, text(.note), to: Self.noteLimit)
        let fields = kind.typedFields
        let amount = fields.contains(.amount) ? amountValue() : nil
        let grade = fields.contains(.grade) ? gradeValue() : nil
        let level = fields.contains(.level) ? levelValue() : nil
        guard problems.isEmpty, let idNumber, let name, let date, let note else { return nil }
        return DepartmentEvent(
            kind: kind, idNumber: idNumber, memberName: name, eventDate: date,
            amount: amount, grade: grade, level: level, note: note
        )
    }

    private mutating func required(_ column: DepartmentEventColumn) -> String? {
        let value = text(column)
        guard !value.isEmpty else {
            report(column, "必填，不能为空")
            return nil
        }
        return value
    }

    private mutating func limited(_ column: DepartmentEventColumn, _ value: String?, to limit: Int) -> String? {
        guard let value else { return nil }
        guard value.count <= limit else {
            report(column, "不能超过\(limit)个字，实际为\(value.count)个字")
            return nil
        }
        return value
    }

    private mutating func identity(isKnownRegion: (String) -> Bool) -> String? {
        guard let value = required(.idNumber) else { return nil }
        switch IdentityNumber.validate(value, today: today, isKnownRegion: isKnownRegion) {
        case .success(let number): return number.value
        case .failure(let error):
            report(.idNumber, error.message)
            return nil
        }
    }

    private mutating func eventDate() -> CivilDate? {
        guard let value = required(.date) else { return nil }
        guard let date = Self.date(value) else {
            report(.date, "无法识别的日期，应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD 格式的有效日期")
            return nil
        }
        guard date <= today else {
            report(.date, "日期晚于今天（\(today)）")
            return nil
        }
        guard date >= Self.earliestDate else {
            report(.date, "日期早于 \(Self.earliestDate)，请检查是否填错列")
            return nil
        }
        return date
    }

    private mutating func amountValue() -> Money? {
        guard let value = required(.amount) else { return nil }
        guard let amount = Money(parsing: value) else {
            report(.amount, "应为金额（元），最多两位小数，不含千位分隔符，例如 12345.60")
            return nil
        }
        guard amount >= .zero else {
            report(.amount, "金额不能为负数")
            return nil
        }
        return amount
    }

    /// `1`…`4` (also 1级, 一级) for disability; `A`…`D` (also A级) for housing. Stored in the short form.
    private mutating func gradeValue() -> String? {
        guard let value = required(.grade) else { return nil }
        if kind == .housingRating {
            guard let grade = RegistryCell.code(value, as: HousingSafetyGrade.self) else {
                report(.grade, "住房安全等级应为 A、B、C 或 D")
                return nil
            }
            return grade.rawValue
        }
        let spelled = ["一级": 1, "二级": 2, "三级": 3, "四级": 4]
        let digits = value.hasSuffix("级") ? String(value.dropLast()) : value
        guard let grade = spelled[value] ?? RegistryCell.integer(digits), (1...4).contains(grade) else {
            report(.grade, "残疾等级应为 1 至 4 级")
            return nil
        }
        return String(grade)
    }

    private mutating func levelValue() -> String? {
        guard let value = required(.level) else { return nil }
        guard let status = RegistryCell.code(value, as: SchoolStatus.self) else {
            report(.level, "无法识别的学段，应为：\(RegistryCell.labels(of: SchoolStatus.self))")
            return nil
        }
        return status.rawValue
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`, ASCII digits, months and days with two digits.
    static func date(_ text: String) -> CivilDate? {
        let bytes = Array(text.utf8)
        switch bytes.count {
        case 8:
            return CivilDate(
                String(
                    decoding: bytes[0..<4] + [UInt8(ascii: "-")] + bytes[4..<6]
                        + [UInt8(ascii: "-")] + bytes[6..<8], as: UTF8.self))
        case 10 where bytes[4] == UInt8(ascii: "/") && bytes[7] == UInt8(ascii: "/"):
            return CivilDate(
                String(decoding: bytes.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "-") : $0 }, as: UTF8.self))
        default:
            return CivilDate(text)
        }
    }
}
