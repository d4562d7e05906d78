extension Money {
    /// Yuan with thousands separators and two decimals, e.g. `56,320.00`: the exact value, for tables.
    public var groupedYuan: String {
        let text = description
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".")
        let whole = parts.first.map(String.init) ?? "0"
        return (negative ? "-" : "") + Self.grouped(whole) + "." + (parts.count > 1 ? String(parts[1]) : "00")
    }

    /// Yuan with thousands separators, decimals only when there are fen, e.g. `56,320` or `56,320.50`: for
    /// sentences people read aloud.
    public var spokenYuan: String {
        fen % 100 == 0 ? String(groupedYuan.dropLast(3)) : groupedYuan
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
