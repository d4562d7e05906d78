/// 部门数据解析: turns a department's file (a header row and data rows, as read from CSV or xlsx) or its API push
/// (one dictionary per record) into typed events, with the same checks on both paths. Nothing is accepted while
/// any row has a problem, and every problem of every row is listed so the department fixes its file in one go.
public enum DepartmentRowParser {
    /// `header` and `rows` are the file's cells; the header is row 1, so the first data row is row 2. Rows with
    /// nothing in them are skipped, as spreadsheets leave them between blocks. Columns the kind does not use
    /// (a serial number, a remark of another template) are ignored.
    public static func parse(
        kind: DepartmentEventKind, header: [String], rows: [[String]], today: CivilDate,
        isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> Result<[DepartmentEvent], DepartmentImportError> {
        let positions: [DepartmentEventColumn: Int]
        switch columnPositions(kind: kind, header: header) {
        case .success(let found): positions = found
        case .failure(let error): return .failure(error)
        }
        var cellRows: [CellRow] = []
        for (index, cells) in rows.enumerated() {
            var texts: [DepartmentEventColumn: String] = [:]
            for (column, position) in positions where position < cells.count {
                texts[column] = RegistryCell.trimmed(cells[position])
            }
            guard texts.values.contains(where: { !$0.isEmpty }) else { continue }
            cellRows.append(CellRow(row: index + 2, cells: texts, conflicts: []))
        }
        return read(kind: kind, rows: cellRows, today: today, isKnownRegion: isKnownRegion)
    }

    /// The API push: each record keyed by the Chinese heading (身份证号, 金额（元）…) or by the field name (`idNumber`,
    /// `name`, `date`, `amount`, `grade`, `level`, `note`). Records are numbered 1…n in the problems. Unknown keys
    /// are ignored; one field given under both names with different values is a problem.
    public static func parse(
        kind: DepartmentEventKind, records: [[String: String]], today: CivilDate,
        isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> Result<[DepartmentEvent], DepartmentImportError> {
        let used = Set(kind.columns)
        var cellRows: [CellRow] = []
        for (index, record) in records.enumerated() {
            var texts: [DepartmentEventColumn: String] = [:]
            var conflicts: [ImportProblem] = []
            // Sorted keys, so the problem list is the same on every run.
            for key in record.keys.sorted() {
                guard let column = DepartmentEventColumn(heading: key), used.contains(column) else { continue }
                let value = RegistryCell.trimmed(record[key] ?? "")
                if let earlier = texts[column], earlier != value {
                    conflicts.append(
                        ImportProblem(
                            row: index + 1, column: column.header, value: value,
                            reason: "与同一记录中的另一写法（“\(earlier)”）不一致"
                        ))
                    continue
                }
                texts[column] = value
            }
            cellRows.append(CellRow(row: index + 1, cells: texts, conflicts: conflicts))
        }
        return read(kind: kind, rows: cellRows, today: today, isKnownRegion: isKnownRegion)
    }

    /// The heading template for `kind`, required columns marked with an asterisk.
    public static func templateHeader(for kind: DepartmentEventKind) -> [String] {
        kind.columns.map(\.templateHeader)
    }

    /// One record's cells by column, and the conflicts found while collecting them.
    private struct CellRow {
        let row: Int
        let cells: [DepartmentEventColumn: String]
        let conflicts: [ImportProblem]
    }

    private static func read(
        kind: DepartmentEventKind, rows: [CellRow], today: CivilDate, isKnownRegion: (String) -> Bool
    ) -> Result<[DepartmentEvent], DepartmentImportError> {
        var problems: [ImportProblem] = []
        var events: [DepartmentEvent] = []
        for row in rows {
            var reader = DepartmentRowReader(kind: kind, row: row.row, cells: row.cells, today: today)
            let event = reader.event(isKnownRegion: isKnownRegion)
            problems += row.conflicts + reader.problems
            if var event, row.conflicts.isEmpty {
                event.sourceRow = row.row
                events.append(event)
            }
        }
        guard problems.isEmpty else { return .failure(DepartmentImportError(problems: problems)) }
        return .success(events)
    }

    /// Where each column the kind uses sits; problems on row 1 for a missing required column or a repeated one.
    private static func columnPositions(
        kind: DepartmentEventKind, header: [String]
    ) -> Result<[DepartmentEventColumn: Int], DepartmentImportError> {
        let used = Set(kind.columns)
        var found: [DepartmentEventColumn: [Int]] = [:]
        for (index, cell) in header.enumerated() {
            guard let column = DepartmentEventColumn(heading: cell), used.contains(column) else { continue }
            found[column, default: []].append(index)
        }
        var problems: [ImportProblem] = []
        for column in kind.columns {
            let indices = found[column] ?? []
            if indices.isEmpty, column.isRequired {
                problems.append(
                    ImportProblem(
                        row: 1, column: column.header, value: "", reason: "缺少必填列「\(column.header)」（\(kind.label)数据）"
                    ))
            }
            if indices.count > 1 {
                let names = indices.map(RegistryHeader.columnName).joined(separator: "、")
                problems.append(
                    ImportProblem(
                        row: 1, column: column.header, value: "", reason: "列重复出现（\(names)），无法确定使用哪一列"
                    ))
            }
        }
        guard problems.isEmpty else { return .failure(DepartmentImportError(problems: problems)) }
        return .success(found.compactMapValues(\.first))
    }
}

/// Why a department file or push was refused: every problem at once.
public struct DepartmentImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.message).joined(separator: "；") }
}
