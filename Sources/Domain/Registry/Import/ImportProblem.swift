/// 导入问题: one thing wrong in an import file, located as the person who prepared it would look for it: the row
/// number as the spreadsheet shows it (the header is row 1), the column heading and the value as typed.
public struct ImportProblem: Sendable, Hashable, Codable {
    public let row: Int
    /// The Chinese column heading, e.g. 身份证号.
    public let column: String
    /// The cell as typed (trimmed); empty when the problem is that the cell is empty.
    public let value: String
    /// Why the value is not accepted, in Chinese.
    public let reason: String

    public init(row: Int, column: String, value: String, reason: String) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    public init(row: Int, column: RegistryColumn, value: String, reason: String) {
        self.init(row: row, column: column.header, value: value, reason: reason)
    }

    /// One line for a problem list: 第5行「身份证号」“51200219850101123”：身份证号码应为18位，实际为17位.
    public var message: String {
        let shown = value.isEmpty ? "" : "“\(value)”"
        return "第\(row)行「\(column)」\(shown)：\(reason)"
    }
}
