/// Why holiday data was refused; `message` says in Chinese what and where.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    case badHeader(String)
    case badRow(line: Int, reason: String)
    case duplicateDate(CivilDate)

    public var message: String {
        switch self {
        case .badHeader(let found): "表头应为“date,kind,name”，实际为“\(found)”"
        case .badRow(let line, let reason): "第\(line)行：\(reason)"
        case .duplicateDate(let date): "日期 \(date) 重复出现"
        }
    }

    public var description: String { message }
}

extension WorkingDayCalendar {
    /// Reads the `date,kind,name` format of the shipped holiday files (UTF-8, no quoted fields).
    public static func parse(csv text: String) throws(CalendarError) -> WorkingDayCalendar {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let header = lines.first, header == "date,kind,name" else {
            throw .badHeader(String(lines.first ?? ""))
        }
        var days: [CalendarDay] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            days.append(try parseRow(line, lineNumber: offset + 1))
        }
        return try WorkingDayCalendar(days: days)
    }

    private static func parseRow(_ line: Substring, lineNumber: Int) throws(CalendarError) -> CalendarDay {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 3 else {
            throw .badRow(line: lineNumber, reason: "应有3列，实际为\(fields.count)列")
        }
        guard let date = CivilDate(fields[0]) else {
            throw .badRow(line: lineNumber, reason: "日期“\(fields[0])”无效，应为 YYYY-MM-DD")
        }
        guard let kind = CalendarDay.Kind(rawValue: String(fields[1])) else {
            throw .badRow(line: lineNumber, reason: "类型应为 holiday 或 workday，实际为“\(fields[1])”")
        }
        guard !fields[2].isEmpty else {
            throw .badRow(line: lineNumber, reason: "名称不能为空")
        }
        return CalendarDay(date: date, kind: kind, name: String(fields[2]))
    }
}
