@testable import App
import Foundation
import Testing

@Suite("Display formats")
struct DisplayFormatTests {
    @Test("amounts in fen read as yuan with thousands separators and two decimals")
    func yuan() {
        #expect(DisplayFormat.yuan(fen: 0) == "0.00 元")
        #expect(DisplayFormat.yuan(fen: 5) == "0.05 元")
        #expect(DisplayFormat.yuan(fen: -5) == "-0.05 元")
        #expect(DisplayFormat.yuan(fen: 99_999) == "999.99 元")
        #expect(DisplayFormat.yuan(fen: 100_000) == "1,000.00 元")
        #expect(DisplayFormat.yuan(fen: 123_456_789) == "1,234,567.89 元")
        #expect(DisplayFormat.yuan(fen: -12_345_678_90) == "-12,345,678.90 元")
        #expect(DisplayFormat.yuan(fen: Int64.min).hasPrefix("-92,233,720,368,547,758.08"))
    }

    @Test("instants read as Beijing time to the minute")
    func minute() {
        // 2026-11-22 10:05 in Beijing is 02:05 UTC
        let instant = Date(timeIntervalSince1970: 1_795_313_100)
        #expect(DisplayFormat.minute(instant) == "2026-11-22 10:05")
        #expect(DisplayFormat.minute(instant.addingTimeInterval(14 * 3600)) == "2026-11-23 00:05")
    }
}
