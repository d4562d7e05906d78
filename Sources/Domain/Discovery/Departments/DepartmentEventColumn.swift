/// 部门数据列: one column of a department file. The raw value is the field name of the JSON push, the header the
/// Chinese heading of the spreadsheet template, so both entry points read the same fields.
public enum DepartmentEventColumn: String, CaseIterable, Sendable, Hashable, Codable {
    case idNumber
    case name
    case date
    case amount
    case grade
    case level
    case note

    /// The template heading without the required-mark.
    public var header: String {
        switch self {
        case .idNumber: "身份证号"
        case .name: "姓名"
        case .date: "日期"
        case .amount: "金额（元）"
        case .grade: "等级"
        case .level: "学段"
        case .note: "说明"
        }
    }

    /// A shorter heading some departments use.
    var alias: String? { self == .amount ? "金额" : nil }

    /// Only the remark may be left out; every other column a kind uses is required.
    public var isRequired: Bool { self != .note }

    /// The heading as the template prints it: required columns carry an asterisk.
    public var templateHeader: String { isRequired ? header + "*" : header }

    /// Reads a heading or a JSON key: the Chinese heading with or without the asterisk (half- or full-width),
    /// with half-width brackets too since templates get retyped, or the field name.
    public init?(heading: String) {
        var text = RegistryCell.trimmed(heading)
        while let last = text.last, last == "*" || last == "＊" { text.removeLast() }
        text = String(text.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
        guard let column = Self.allCases.first(where: { $0.header == text || $0.rawValue == text || $0.alias == text })
        else {
            return nil
        }
        self = column
    }
}
