/// The mutable state of reading one row: its cells and the problems found so far.
struct RegistryRowReader {
    let row: Int
    let texts: [String]
    private(set) var problems: [ImportProblem] = []
    var areas = RegistryRowAreas()
    var memo: RegistryAreaMemo

    init(row: Int, texts: [String], memo: RegistryAreaMemo = RegistryAreaMemo()) {
        self.row = row
        self.texts = texts
        self.memo = memo
    }

    func text(_ column: RegistryColumn) -> String { texts[column.ordinal] }

    mutating func report(_ column: RegistryColumn, _ reason: String) {
        problems.append(ImportProblem(row: row, column: column, value: text(column), reason: reason))
    }

    /// The cell, or nil with a problem when a required cell is empty.
    mutating func required(_ column: RegistryColumn) -> String? {
        let value = text(column)
        guard !value.isEmpty else {
            report(column, "必填，不能为空")
            return nil
        }
        return value
    }

    /// A required code typed as its label or raw value.
    mutating func requiredCode<T: CodeList>(_ column: RegistryColumn, as type: T.Type) -> T? {
        guard let value = required(column) else { return nil }
        return code(column, value, as: type)
    }

    /// An optional code: nil without a problem when the cell is empty.
    mutating func optionalCode<T: CodeList>(_ column: RegistryColumn, as type: T.Type) -> T? {
        let value = text(column)
        return value.isEmpty ? nil : code(column, value, as: type)
    }

    private mutating func code<T: CodeList>(_ column: RegistryColumn, _ value: String, as type: T.Type) -> T? {
        guard let parsed = RegistryCell.code(value, as: type) else {
            report(column, "无法识别，应为：\(RegistryCell.labels(of: type))")
            return nil
        }
        return parsed
    }

    /// Text no longer than `limit` characters; nil with a problem when too long.
    mutating func limited(_ column: RegistryColumn, _ value: String, to limit: Int) -> String? {
        guard value.count <= limit else {
            report(column, "不能超过\(limit)个字，实际为\(value.count)个字")
            return nil
        }
        return value
    }

    /// 是/否 cells; an empty cell is no.
    mutating func boolean(_ column: RegistryColumn) -> Bool? {
        guard let value = RegistryCell.boolean(text(column)) else {
            report(column, "应填写“是”或“否”（也可为Y/N、1/0、true/false），留空视为否")
            return nil
        }
        return value
    }
}

/// A row's well-formed area codes; a group or grid only when it lies inside the row's village.
struct RegistryRowAreas: Sendable, Hashable {
    var village: AreaCode?
    var group: AreaCode?
    var grid: AreaCode?
}

/// The last code text read in each area column and what it parsed to. Rows of a village come together, so the
/// same twelve or fifteen digits are usually parsed again and again; remembering one value per column saves that
/// without a dictionary.
struct RegistryAreaMemo: Sendable {
    typealias Entry = (text: String, result: Result<AreaCode, AreaCodeError>)
    private var village: Entry?
    private var group: Entry?
    private var grid: Entry?

    init() {}

    mutating func code(_ text: String, column: RegistryColumn) -> Result<AreaCode, AreaCodeError> {
        let last = column == .villageCode ? village : column == .groupCode ? group : grid
        if let last, last.text == text { return last.result }
        let entry: Entry = (text, Result { () throws(AreaCodeError) -> AreaCode in try AreaCode(validating: text) })
        switch column {
        case .villageCode: village = entry
        case .groupCode: group = entry
        default: grid = entry
        }
        return entry.result
    }
}
