import Foundation
import Testing
import Domain

@Suite("Area codes")
struct AreaCodeTests {
    private func code(_ text: String) throws -> AreaCode {
        try AreaCode(validating: text)
    }

    @Test("the level follows from the non-zero segments and the suffix")
    func levels() throws {
        #expect(try code("510000000000").level == .province)
        #expect(try code("512000000000").level == .city)
        #expect(try code("512002000000").level == .county)
        #expect(try code("512002101000").level == .township)
        #expect(try code("512002101201").level == .village)
        #expect(try code("512002101201001").level == .group)
        #expect(try code("512002101201499").level == .group)
        #expect(try code("512002101201501").level == .grid)
        #expect(try code("512002101201999").level == .grid)
    }

    @Test("cities without counties hold townships and villages directly")
    func townshipsUnderCities() throws {
        let township = try code("232700002000")
        #expect(township.level == .township)
        #expect(township.parent?.value == "232700000000")
        #expect(try code("232700000000").contains(township))
        #expect(try code("441900001201").level == .village)
    }

    @Test("malformed codes are refused with a Chinese reason")
    func invalid() {
        #expect(throws: AreaCodeError.wrongLength(6)) { try code("512002") }
        #expect(throws: AreaCodeError.nonDigit(position: 4)) { try code("512a02000000") }
        #expect(throws: AreaCodeError.nonDigit(position: 1)) { try code("５12002000000") }
        #expect(throws: AreaCodeError.zeroProvince) { try code("000000000000") }
        #expect(throws: AreaCodeError.gap("510002000000")) { try code("510002000000") }
        #expect(throws: AreaCodeError.gap("512002000201")) { try code("512002000201") }
        #expect(throws: AreaCodeError.gap("441900000201")) { try code("441900000201") }
        #expect(throws: AreaCodeError.subVillageOutsideVillage("512002101000001")) { try code("512002101000001") }
        #expect(throws: AreaCodeError.badSubVillageSegment("500")) { try code("512002101201500") }
        #expect(throws: AreaCodeError.badSubVillageSegment("000")) { try code("512002101201000") }
        #expect(AreaCode("512002") == nil)
        #expect(AreaCodeError.badSubVillageSegment("500").message == "组或网格段应为001–499（组）或501–999（网格），实际为500")
    }

    @Test("parents and ancestors walk up one level at a time")
    func parents() throws {
        let grid = try code("512002101201501")
        #expect(grid.parent?.value == "512002101201")
        #expect(
            grid.ancestors.map(\.value) == [
                "510000000000", "512000000000", "512002000000", "512002101000", "512002101201",
            ])
        #expect(try code("510000000000").parent == nil)
    }

    @Test("scope prefixes and containment")
    func containment() throws {
        let county = try code("512002000000")
        let village = try code("512002101201")
        #expect(county.scopePrefix == "512002")
        #expect(try code("512002101000").scopePrefix == "512002101")
        #expect(county.contains(village) && county.contains(county))
        #expect(village.contains(try code("512002101201003")))
        #expect(!village.contains(county))
        #expect(!county.contains(try code("512021000000")))
        #expect(!(try code("512002101201001")).contains(try code("512002101201501")))
        #expect(!(try code("510100000000")).contains(try code("510000000000")))
    }

    @Test("prefixes pad to twelve digits and codes round-trip through JSON")
    func paddingAndCoding() throws {
        #expect(AreaCode.padded("5120") == "512000000000")
        let encoded = try JSONEncoder().encode([try code("512002101201001")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["512002101201001"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AreaCode].self, from: Data(#"["5120"]"#.utf8)) }
    }
}
