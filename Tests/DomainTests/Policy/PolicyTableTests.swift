import Testing
import Domain

@Suite("Policy tables")
struct PolicyTableTests {
    let sichuan = AreaCode("510000000000")
    let yanjiang = AreaCode("512002000000")
    let anyue = AreaCode("512021000000")
    let village = AreaCode("512002101201")

    private func table() throws -> PolicyTable<Int> {
        try PolicyTable(rows: [
            EffectiveDated(scope: nil, effectiveFrom: day("2021-01-01"), value: 5),
            EffectiveDated(scope: sichuan, effectiveFrom: day("2022-01-01"), value: 7),
            EffectiveDated(scope: sichuan, effectiveFrom: day("2024-03-14"), value: 10),
            EffectiveDated(scope: yanjiang, effectiveFrom: day("2023-01-01"), effectiveTo: day("2023-12-31"), value: 3),
        ])
    }

    @Test("the most specific scope in force wins, then the latest start")
    func resolution() throws {
        let table = try table()
        #expect(table.value(at: village, on: day("2021-06-01")) == 5)
        #expect(table.value(at: village, on: day("2022-06-01")) == 7)
        #expect(table.value(at: village, on: day("2023-06-01")) == 3)
        #expect(table.value(at: anyue, on: day("2023-06-01")) == 7)
        #expect(table.value(at: village, on: day("2024-03-13")) == 7)
        #expect(table.value(at: village, on: day("2024-03-14")) == 10)
        #expect(table.value(at: nil, on: day("2024-03-14")) == 5)
        #expect(table.value(at: village, on: day("2020-12-31")) == nil)
    }

    @Test("province and optional county lookups")
    func provinceAndCounty() throws {
        let table = try table()
        let sichuan = try #require(sichuan)
        #expect(table.value(province: sichuan, county: nil, on: day("2023-06-01")) == 7)
        #expect(table.value(province: sichuan, county: yanjiang, on: day("2023-06-01")) == 3)
        #expect(table.value(province: sichuan, county: AreaCode("341322000000"), on: day("2023-06-01")) == nil)
    }

    @Test("the chain lists the row in force at each enclosing scope, national first")
    func chain() throws {
        let values = try table().chain(at: village, on: day("2023-06-01")).map(\.value)
        #expect(values == [5, 7, 3])
    }

    @Test("ambiguous or inverted rows are refused")
    func invalidRows() {
        #expect(throws: PolicyTableError.duplicate(scope: nil, from: day("2021-01-01"))) {
            try PolicyTable(rows: [
                EffectiveDated(scope: nil, effectiveFrom: day("2021-01-01"), value: 1),
                EffectiveDated(scope: nil, effectiveFrom: day("2021-01-01"), value: 2),
            ])
        }
        #expect(throws: PolicyTableError.self) {
            try PolicyTable(rows: [
                EffectiveDated(scope: nil, effectiveFrom: day("2022-01-01"), effectiveTo: day("2021-12-31"), value: 1)
            ])
        }
        #expect(PolicyTableError.duplicate(scope: nil, from: day("2021-01-01")).message == "全国自 2021-01-01 起的记录重复")
    }
}

@Suite("Monitoring line")
struct MonitoringLineTests {
    let sichuan = AreaCode("510000000000")
    let yanjiang = AreaCode("512002000000")
    let village = AreaCode("512002101201")

    private func line() throws -> MonitoringLine {
        try MonitoringLine(rows: [
            EffectiveDated(scope: nil, effectiveFrom: day("2021-01-01"), value: Money(yuan: 6_000)),
            EffectiveDated(scope: sichuan, effectiveFrom: day("2022-01-01"), value: Money(yuan: 6_900)),
            EffectiveDated(scope: sichuan, effectiveFrom: day("2024-03-14"), value: Money(yuan: 8_800)),
            EffectiveDated(scope: yanjiang, effectiveFrom: day("2023-01-01"), value: Money(yuan: 7_500)),
        ])
    }

    @Test("the 2021 national floor, then the province line, then a county raising it")
    func acrossYears() throws {
        let line = try line()
        let village = try #require(village)
        #expect(line.amount(at: village, on: day("2021-07-01")) == Money(yuan: 6_000))
        #expect(line.amount(at: village, on: day("2022-07-01")) == Money(yuan: 6_900))
        #expect(line.amount(at: village, on: day("2023-07-01")) == Money(yuan: 7_500))
        #expect(line.resolve(at: village, on: day("2023-07-01"))?.scope == yanjiang)
        #expect(line.amount(at: try #require(AreaCode("512021000000")), on: day("2023-07-01")) == Money(yuan: 6_900))
    }

    @Test("a county line the province has overtaken no longer lowers the line")
    func countyCannotLower() throws {
        let village = try #require(village)
        #expect(try line().amount(at: village, on: day("2024-03-14")) == Money(yuan: 8_800))
        #expect(try line().amount(at: village, on: day("2020-06-01")) == nil)
    }
}
