import Foundation
import Testing
@testable import Spreadsheet

/// A worksheet part holding `sheetData`.
func worksheet(_ sheetData: String) -> Data {
    Data(
        (#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + sheetData + "</sheetData></worksheet>").utf8)
}

/// Hostile workbooks are refused with a message before they are allocated.
@Suite("Spreadsheet limits")
struct SpreadsheetLimitsTests {
    @Test func aValueAtColumnXFDIsRefusedNamingTheCell() {
        // setup: two thousand rows, each with one value in the sheet's last column (padded, 32 million cells)
        let xml = worksheet(
            (1...2_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c><c r="XFD\#($0)"><v>2</v></c></row>"# }
                .joined())
        // act
        let error = #expect(throws: SpreadsheetError.self) { try XLSXSheetParser.rows(in: xml, sharedStrings: []) }
        // check
        #expect(error?.message.contains("XFD1") == true)
        #expect(error?.message.contains("最多读取 512 列") == true)
    }

    @Test func emptyFormattedCellsFarRightAreIgnored() throws {
        let xml = worksheet(
            #"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/></row><row r="2"><c r="B2"><v>2</v></c><c r="XFC2" s="1"><v></v></c></row>"#
        )
        #expect(try XLSXSheetParser.rows(in: xml, sharedStrings: []) == [["1"], ["", "2"]])
    }

    @Test func aWrittenWorkbookWithAValueAtXFDIsRefusedThroughTheReader() throws {
        let data = try SpreadsheetWriter.xlsx([["a"] + Array(repeating: "", count: 16_382) + ["z"]], sheetName: "宽")
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.rows(from: data, format: .xlsx) }
        #expect(error?.message.contains("XFD1") == true)
    }
}
