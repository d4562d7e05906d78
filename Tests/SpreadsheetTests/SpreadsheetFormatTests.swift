import Foundation
import Testing
import Spreadsheet

@Suite("Detecting the format")
struct SpreadsheetFormatTests {
    private let zipBytes = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
    private let legacyExcelBytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])

    @Test func theExtensionDecidesWhateverItsCase() {
        #expect(SpreadsheetFormat.detect(fileName: "名单.CSV", data: zipBytes) == .csv)
        #expect(SpreadsheetFormat.detect(fileName: "名单.Xlsx", data: Data("a,b".utf8)) == .xlsx)
    }

    @Test func withoutAKnownExtensionTheContentDecides() {
        #expect(SpreadsheetFormat.detect(fileName: nil, data: zipBytes) == .xlsx)
        #expect(SpreadsheetFormat.detect(fileName: "upload", data: Data("户编号,姓名".utf8)) == .csv)
        #expect(SpreadsheetFormat.detect(fileName: "名单.dat", data: zipBytes) == .xlsx)
    }

    @Test func legacyBinaryExcelIsNeither() {
        #expect(SpreadsheetFormat.detect(fileName: "名单.xls", data: legacyExcelBytes) == nil)
    }
}
