import Foundation
import Testing
@testable import Spreadsheet

/// Layouts that real files use but the fixture writers do not produce.
@Suite("Parsing worksheet XML")
struct XLSXSheetParserTests {
    private func rows(_ sheetData: String, sharedStrings: [String] = []) throws -> [[String]] {
        let xml =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + sheetData + "</sheetData></worksheet>"
        return try XLSXSheetParser.rows(in: Data(xml.utf8), sharedStrings: sharedStrings)
    }

    @Test func cellsWithoutReferencesFollowThePreviousOne() throws {
        let parsed = try rows(
            #"<row><c t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>3</v></c><c><v>4</v></c></row>"#
                + #"<row><c t="inlineStr"><is><t>b</t></is></c></row>"#)
        #expect(parsed == [["a", "", "3", "4"], ["b"]])
    }

    @Test func prefixedElementNamesAreUnderstood() throws {
        let xml =
            #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>"#
            + #"<x:row r="1"><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        #expect(try XLSXSheetParser.rows(in: Data(xml.utf8), sharedStrings: ["户主"]) == [["", "户主"]])
    }

    @Test func numbersFormulasAndErrorsKeepTheirRawText() throws {
        let parsed = try rows(
            #"<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1"><v>1.5E+3</v></c>"#
                + #"<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1"><f>A1+1</f><v>45293</v></c></row>"#)
        #expect(parsed == [["45292", "1.5E+3", "#DIV/0!", "45293"]])
    }

    @Test func phoneticGuidesAreNotPartOfTheText() throws {
        let xml =
            #"<sst><si><r><t>张</t></r><r><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si><si><t> </t></si></sst>"#
        #expect(try XLSXSharedStrings.parse(Data(xml.utf8)) == ["张三", " "])
    }

    @Test func aMissingSharedStringIsAnErrorNamingTheCell() {
        let error = #expect(throws: SpreadsheetError.self) {
            try rows(#"<row r="2"><c r="B2" t="s"><v>7</v></c></row>"#, sharedStrings: ["a"])
        }
        #expect(error?.message == "不是有效的 xlsx 文件（单元格 B2 引用了不存在的共享字符串）")
    }

    @Test func absurdRowNumbersAreRejectedRatherThanAllocated() {
        #expect(throws: SpreadsheetError.self) {
            try rows(#"<row r="999999999"><c r="A999999999"><v>1</v></c></row>"#)
        }
    }
}
