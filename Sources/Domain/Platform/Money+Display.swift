extension Money {
    /// Yuan with thousands separators and two decimals, e.g. `56,320.00`: the exact value, for tables. Built with
    /// integer arithmetic: a full screening writes it into a quarter of a million hits, and pages into every row.
    public var groupedYuan: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + Self.grouped(magnitude / 100) + (cents < 10 ? ".0" : ".") + String(cents)
    }

    /// Yuan with thousands separators, decimals only when there are fen, e.g. `56,320` or `56,320.50`: for
    /// sentences people read aloud.
    public var spokenYuan: String {
        fen % 100 == 0 ? String(groupedYuan.dropLast(3)) : groupedYuan
    }

    /// `12,345,678`: digits in groups of three, the same whatever the locale.
    public static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value).utf8)
        guard digits.count > 3 else { return String(decoding: digits, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
