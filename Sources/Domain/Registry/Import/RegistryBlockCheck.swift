/// 分块检查: the checks of `RegistryImportPlan` for a file read a block of rows at a time, so that memory does not
/// grow with the file. Each row is checked on its own here (cells, identity number, dates, area codes); the checks
/// across rows are left to the caller, which keeps every row's `crossRowKey` somewhere it can group them (a staging
/// table) and hands back only the rows of suspect households or identity numbers to `householdProblems` and
/// `duplicateIdentityProblems`. The problems are those `RegistryImportPlan.make` finds, with the same messages.
public struct RegistryBlockCheck: Sendable {
    public let header: RegistryHeader
    private let parser: RegistryRowParser
    private var memo = RegistryAreaMemo()

    /// Fails with the header's problems (on row 1) when the header is not the template's.
    public init(header cells: [String], today: CivilDate) throws(RegistryHeaderError) {
        header = try RegistryHeader(cells: cells)
        parser = RegistryRowParser(header: header, today: today)
    }

    /// Checks the rows of one block; `firstRow` is the sheet row number of `rows[0]`. Empty rows yield nothing.
    /// The readings' problems are the cell problems followed by the area problems of the block.
    public mutating func read(
        _ rows: [[String]], firstRow: Int, isKnownVillage: (AreaCode) -> Bool, isKnownSubArea: (AreaCode) -> Bool
    ) -> (readings: [RegistryRowReading], problems: [ImportProblem]) {
        var readings: [RegistryRowReading] = []
        readings.reserveCapacity(rows.count)
        for (offset, cells) in rows.enumerated() {
            if let reading = parser.read(row: firstRow + offset, cells: cells, memo: &memo) { readings.append(reading) }
        }
        let check = RegistryCrossRowCheck(readings: readings)
        let areaProblems = check.areaProblems(isKnownVillage: isKnownVillage, isKnownSubArea: isKnownSubArea)
        return (readings, readings.flatMap(\.problems) + areaProblems)
    }

    /// Problems of households (fields that differ between rows, heads, spouses), given every row of the suspect
    /// households as (row, `crossRowKey`) in row order.
    public static func householdProblems(_ rows: [(row: Int, key: String)]) -> [ImportProblem] {
        RegistryCrossRowCheck(readings: rows.map { RegistryRowReading(row: $0.row, crossRowKey: $0.key) })
            .householdProblems()
    }

    /// Identity numbers found more than once, given every row that carries one of them, in row order.
    public static func duplicateIdentityProblems(_ rows: [(row: Int, key: String)]) -> [ImportProblem] {
        RegistryCrossRowCheck(readings: rows.map { RegistryRowReading(row: $0.row, crossRowKey: $0.key) })
            .duplicateIdentityProblems()
    }
}

extension RegistryRowReading {
    /// The columns the checks across rows look at.
    static let crossRowColumns: [RegistryColumn] =
        RegistryColumn.allCases.filter(\.isHouseholdField) + [.idNumber, .relation]
    static let keySeparator: Character = "\u{1F}"

    /// The texts the checks across rows need, in one string (unit separator between them).
    public var crossRowKey: String {
        Self.crossRowColumns.map { text($0) }.joined(separator: String(Self.keySeparator))
    }

    /// The household fields as they are compared between a household's rows (a type written as label or raw value
    /// compares equal): rows of one household with different keys disagree somewhere.
    public var householdKey: String {
        RegistryColumn.allCases.filter { $0.isHouseholdField && $0 != .householdNumber }.map { column -> String in
            let text = text(column)
            guard column == .householdType, let type = RegistryCell.code(text, as: HouseholdType.self) else {
                return text
            }
            return type.rawValue
        }.joined(separator: String(Self.keySeparator))
    }

    /// The relation to the head as its code; nil when the cell cannot be read.
    public var relationCode: String? { RegistryCell.code(text(.relation), as: RelationToHead.self)?.rawValue }

    init(row: Int, crossRowKey: String) {
        var texts = [String](repeating: "", count: RegistryColumn.allCases.count)
        let parts = crossRowKey.split(separator: Self.keySeparator, omittingEmptySubsequences: false)
        for (column, part) in zip(Self.crossRowColumns, parts) { texts[column.ordinal] = String(part) }
        self.init(row: row, texts: texts, areas: RegistryRowAreas(), household: nil, member: nil, problems: [])
    }
}
