import Domain
import Foundation

/// How times and amounts read on the pages: Beijing time, yuan with thousands separators.
enum DisplayFormat {
    /// `2026-11-22 21:37` in Beijing time.
    static func minute(_ instant: Date) -> String {
        let date = ChinaTime.civilDate(of: instant)
        let seconds = Int((instant.timeIntervalSince1970 + Double(ChinaTime.secondsFromGMT)).rounded(.down))
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return "\(date) \(twoDigits(minuteOfDay / 60)):\(twoDigits(minuteOfDay % 60))"
    }

    /// Fen as yuan: `12,345.60 元`.
    static func yuan(fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let absolute = fen.magnitude
        return "\(sign)\(grouped(absolute / 100)).\(twoDigits(Int(absolute % 100))) 元"
    }

    /// `12,345,678`: digits in groups of three, the same on every server whatever its locale. A page formats dozens
    /// of amounts, and Foundation's locale-aware formatting cost more than the rest of the page together.
    static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.utf8.count > 3 else { return digits }
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.utf8.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
