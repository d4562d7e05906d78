import Foundation
import Testing
import Domain

@Suite("Civil date")
struct CivilDateTests {
    @Test("parses only strict YYYY-MM-DD of a real day")
    func parsing() {
        #expect(CivilDate("2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        for bad in [
            "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-1-01", " 2025-01-01", "２０２５-01-01", "",
        ] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
        #expect(CivilDate(year: 2000, month: 2, day: 29)?.description == "2000-02-29")
    }

    @Test("day counts agree with Foundation's Gregorian calendar over three centuries")
    func matchesFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        for offset in stride(from: -40_000, through: 70_000, by: 97) {
            let date = CivilDate(daysSinceEpoch: offset)
            let parts = gregorian.dateComponents(
                [.year, .month, .day, .weekday],
                from: Date(timeIntervalSince1970: Double(offset) * 86_400))
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
            #expect(date.isoWeekday == ((parts.weekday ?? 0) + 5) % 7 + 1)
            #expect(date.daysSinceEpoch == offset)
        }
    }

    @Test("adding days crosses month, year and leap-day boundaries")
    func arithmetic() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2025-12-31").adding(days: 1) == day("2026-01-01"))
        #expect(day("2025-01-01").days(until: day("2026-01-01")) == 365)
        #expect(day("2025-10-01").isoWeekday == 3)
        #expect(day("2025-09-28").isWeekend)
    }

    @Test("China time turns instants into the local day at midnight UTC+8")
    func chinaTime() {
        // 2025-09-30 16:00 UTC is 2025-10-01 00:00 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_759_248_000)
        #expect(ChinaTime.civilDate(of: instant) == day("2025-10-01"))
        #expect(ChinaTime.civilDate(of: instant.addingTimeInterval(-1)) == day("2025-09-30"))
        #expect(ChinaTime.startOfDay(day("2025-10-01")) == instant)
    }

    @Test("encodes as a YYYY-MM-DD string")
    func coding() throws {
        let data = try JSONEncoder().encode([day("2026-02-17")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-17"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [day("2026-02-17")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
