/// 金额: an amount of money in fen (分, 0.01 yuan) held as a 64-bit integer. Incomes are added, subtracted and
/// compared with a line; whole fen make every step exact and reproducible across SQLite, PostgreSQL and Swift,
/// where binary floating point would not be, and an integer is simpler to store than `Decimal`.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    /// Whole yuan. `Int32` so that converting to fen can never overflow.
    public init(yuan: Int32) {
        fen = Int64(yuan) * 100
    }

    public static let zero = Money(fen: 0)

    /// Reads `1234`, `1234.5`, `-1234.56` (ASCII, at most two decimals, no grouping); nil otherwise.
    public init?(parsing text: String) {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15,
            let whole = ASCIIDigits.value(parts[0].utf8)
        else { return nil }
        var cents = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let fraction = ASCIIDigits.value(parts[1].utf8) else {
                return nil
            }
            cents = parts[1].count == 1 ? fraction * 10 : fraction
        }
        let magnitude = Int64(whole) * 100 + Int64(cents)
        fen = negative ? -magnitude : magnitude
    }

    /// Yuan with two decimals, e.g. `6000.00` or `-12.50`.
    public var description: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(fen < 0 ? "-" : "")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }

    /// Divided among `parts` people, rounded to the nearest fen with halves away from zero; nil for no parts.
    public func divided(by parts: Int) -> Money? {
        guard parts > 0 else { return nil }
        let divisor = Int64(parts)
        let (quotient, remainder) = fen.quotientAndRemainder(dividingBy: divisor)
        guard remainder.magnitude * 2 >= divisor.magnitude else { return Money(fen: quotient) }
        return Money(fen: quotient + (fen < 0 ? -1 : 1))
    }
}
