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
        Money(fen: fen).groupedYuan + " 元"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
