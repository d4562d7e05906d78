import Foundation

/// 北京时间: the one legal time of the country, UTC+8. China has kept no daylight saving time since 1991,
/// so a fixed offset converts every instant the platform records exactly and without a time-zone database.
public enum ChinaTime {
    public static let secondsFromGMT = 8 * 3600

    /// The calendar day in China on which `instant` falls.
    public static func civilDate(of instant: Date) -> CivilDate {
        let localSeconds = instant.timeIntervalSince1970 + Double(secondsFromGMT)
        return CivilDate(daysSinceEpoch: Int((localSeconds / 86_400).rounded(.down)))
    }

    /// Midnight at the start of `date` in China.
    public static func startOfDay(_ date: CivilDate) -> Date {
        Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 - secondsFromGMT))
    }

    /// The instant at `hour`:`minute` on `date` in China.
    public static func instant(_ date: CivilDate, hour: Int, minute: Int = 0) -> Date {
        startOfDay(date).addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    /// The hour of the day (0…23) in China at `instant`.
    public static func hour(of instant: Date) -> Int {
        Int((instant.timeIntervalSince(startOfDay(civilDate(of: instant))) / 3_600).rounded(.down))
    }
}
