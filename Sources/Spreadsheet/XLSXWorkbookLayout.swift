/// Where the parts the reader needs live inside an xlsx package.
///
/// The workbook lists sheets in tab order and names each by a relationship id; the workbook's relationships map
/// that id to a part. The first sheet is not always `sheet1.xml`: reordering tabs in Excel keeps the part names.
struct XLSXWorkbookLayout {
    /// The sheet a person sees first when opening the file.
    var firstSheetPath = "xl/worksheets/sheet1.xml"
    var sharedStringsPath = "xl/sharedStrings.xml"

    private static let workbookFolder = "xl"
    private static let sharedStringsRelationshipType = "/sharedStrings"

    /// Packages from some minimal writers lack the workbook relationships; they still follow the default names.
    init(of package: XLSXPackage) throws(SpreadsheetError) {
        guard let relationshipsXML = try package.part("xl/_rels/workbook.xml.rels"),
            let relationships = XMLElementCollector.attributes(ofElementsNamed: "Relationship", in: relationshipsXML)
        else { return }
        func path(where matches: ([String: String]) -> Bool) -> String? {
            relationships.first(where: matches)?["Target"].map { Self.resolve($0, relativeTo: Self.workbookFolder) }
        }
        if let sharedStrings = path(where: { $0["Type"]?.hasSuffix(Self.sharedStringsRelationshipType) == true }) {
            sharedStringsPath = sharedStrings
        }
        if let sheetID = try Self.firstSheetRelationshipID(in: package),
            let sheet = path(where: { $0["Id"] == sheetID })
        {
            firstSheetPath = sheet
        }
    }

    private static func firstSheetRelationshipID(in package: XLSXPackage) throws(SpreadsheetError) -> String? {
        guard let workbook = try package.part("xl/workbook.xml"),
            let firstSheet = XMLElementCollector.attributes(ofElementsNamed: "sheet", in: workbook)?.first
        else { return nil }
        return XMLName.attribute("id", in: firstSheet)
    }

    /// Targets are relative to the workbook's folder ("worksheets/sheet1.xml") or absolute in the package
    /// ("/xl/worksheets/sheet1.xml", as openpyxl writes them).
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + "/" + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
