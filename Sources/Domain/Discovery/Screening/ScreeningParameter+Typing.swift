import Foundation

extension ScreeningParameter {
    /// How a person types the value: amounts in yuan (元, e.g. 50000 or 50000.50), everything else as a whole number.
    public func parse(typed text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch self {
        case .thresholdFen: return Money(parsing: trimmed).map(\.fen)
        default: return Int64(trimmed)
        }
    }

    /// The stored value as a person reads it: 「50000.00 元」 for amounts, the number otherwise.
    public func display(_ stored: Int64) -> String {
        switch self {
        case .thresholdFen: "\(Money(fen: stored)) 元"
        default: String(stored)
        }
    }

    /// The label of the input, with the unit a person types.
    public var typedLabel: String {
        switch self {
        case .thresholdFen: "金额阈值（元）"
        default: label
        }
    }

    /// The allowed range as a person types it.
    public var typedRange: String {
        "\(display(allowedRange.lowerBound)) 至 \(display(allowedRange.upperBound))"
    }
}
