import Testing
@testable import Spreadsheet

@Suite("Sheet names")
struct SheetNameTests {
    @Test func forbiddenCharactersAreReplaced() {
        #expect(SheetName.sanitized("2024/06 [汇总]: 名单?*\\") == "2024_06 _汇总__ 名单___")
    }

    @Test func longNamesAreCutTo31Characters() {
        let name = String(repeating: "户", count: 40)
        #expect(SheetName.sanitized(name) == String(repeating: "户", count: 31))
    }

    @Test func apostrophesAtEitherEndAreRemoved() {
        #expect(SheetName.sanitized("'名单'") == "名单")
    }

    @Test func emptyAndReservedNamesAreReplaced() {
        #expect(SheetName.sanitized("") == "Sheet1")
        #expect(SheetName.sanitized("''") == "Sheet1")
        #expect(SheetName.sanitized("History") == "History_")
    }
}
