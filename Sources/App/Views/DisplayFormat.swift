import Domain
import Foundation

/// How times and amounts read on the pages: Beijing time, yuan with thousands separators.
enum DisplayFormat {
    /// `2026-11-22 21:37` in Beijing time.
    static func minute(_ instant: Date) -> String {
        let date = ChinaTime.civilDate(of: instant)
        let seconds = Int((instant.timeIntervalSince1970 + Double(ChinaTime.secondsFromGMT)).rounded(.down))
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return "\(date) " + String(format: "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60)
    }

    /// Fen as yuan: `12,345.60 元`.
    static func yuan(fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let absolute = fen.magnitude
        return "\(sign)\(Int(absolute / 100).formatted()).\(String(format: "%02d", Int(absolute % 100))) 元"
    }
}
