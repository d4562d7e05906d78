/// 表头: where each registry column sits in an import file. Files come from many county templates, so the order is
/// free and extra columns (remarks, serial numbers) are ignored with a note rather than refused.
public struct RegistryHeader: Sendable, Hashable {
    /// Zero-based cell index of each column the file has.
    public let positions: [RegistryColumn: Int]
    /// Headings that name no registry column, e.g. “第25列（Y）「备注」不是登记表列，已忽略”.
    public let notes: [String]

    /// Reads a header row. Cells are trimmed and a byte-order mark is dropped, because spreadsheet programs
    /// add both; empty headings are skipped silently since Excel often exports trailing empty columns.
    public init(cells: [String]) throws(RegistryHeaderError) {
        var found: [RegistryColumn: [Int]] = [:]
        var notes: [String] = []
        for (index, cell) in cells.enumerated() {
            let heading = Self.clean(cell)
            guard !heading.isEmpty else { continue }
            if let column = RegistryColumn(header: heading) {
                found[column, default: []].append(index)
            } else {
                notes.append("\(Self.columnName(index))「\(heading)」不是登记表列，已忽略")
            }
        }
        var issues: [RegistryHeaderIssue] = []
        for column in RegistryColumn.allCases {
            let indices = found[column] ?? []
            if indices.isEmpty, column.isRequired { issues.append(.missing(column)) }
            if indices.count > 1 { issues.append(.duplicated(column, positions: indices)) }
        }
        guard issues.isEmpty else { throw RegistryHeaderError(issues: issues) }
        positions = found.compactMapValues(\.first)
        self.notes = notes
    }

    /// Every column in export order: the header of a file this system writes.
    public static var standardCells: [String] { RegistryColumn.allCases.map(\.header) }

    /// “第3列（C）”: spreadsheet users find a column by its letter, others by its number.
    public static func columnName(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(digit))) + letters
            rest = (rest - 1) / 26
        }
        return "第\(index + 1)列（\(letters)）"
    }

    static func clean(_ cell: String) -> String {
        RegistryCell.trimmed(cell)
    }
}

/// 表头问题: one reason a header row cannot be used.
public enum RegistryHeaderIssue: Sendable, Hashable {
    case missing(RegistryColumn)
    /// `positions` are zero-based cell indices.
    case duplicated(RegistryColumn, positions: [Int])

    public var column: RegistryColumn {
        switch self {
        case .missing(let column), .duplicated(let column, _): column
        }
    }

    public var message: String {
        switch self {
        case .missing(let column):
            "缺少必填列「\(column.header)」"
        case .duplicated(let column, let positions):
            "列「\(column.header)」重复出现（\(positions.map(RegistryHeader.columnName).joined(separator: "、"))），无法确定使用哪一列"
        }
    }
}

/// Why a header row was refused; every issue at once, so the template is fixed in one go.
public struct RegistryHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    public let issues: [RegistryHeaderIssue]

    public init(issues: [RegistryHeaderIssue]) {
        self.issues = issues
    }

    /// The issues as problems on row 1, for the same list as the data rows' problems.
    public var problems: [ImportProblem] {
        issues.map { ImportProblem(row: 1, column: $0.column, value: "", reason: $0.message) }
    }

    public var description: String { issues.map(\.message).joined(separator: "；") }
}
