import Testing
@testable import Spreadsheet

@Suite("Locating workbook parts")
struct XLSXWorkbookLayoutTests {
    @Test(arguments: [
        ("worksheets/sheet2.xml", "xl/worksheets/sheet2.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("./worksheets/../worksheets/sheet3.xml", "xl/worksheets/sheet3.xml"),
    ])
    func relationshipTargetsResolveToPackagePaths(target: String, path: String) {
        #expect(XLSXWorkbookLayout.resolve(target, relativeTo: "xl") == path)
    }

    @Test(arguments: [("A1", 0), ("z9", 25), ("AA3", 26), ("XFD1048576", 16_383)])
    func columnLettersBecomeIndexes(reference: String, index: Int) {
        #expect(CellReference.columnIndex(of: reference) == index)
        #expect(CellReference.columnName(of: index) == reference.prefix { $0.isLetter }.uppercased())
    }

    @Test(arguments: ["", "12", "XFE1", "ABCD1"])
    func referencesWithoutValidColumnsAreRejected(reference: String) {
        #expect(CellReference.columnIndex(of: reference) == nil)
    }
}
