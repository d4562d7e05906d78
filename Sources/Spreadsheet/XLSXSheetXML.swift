/// The worksheet part for the writer: every cell an inline string, so nothing is reinterpreted as a number or a
/// date (an ID number like 512002197908189832 stays exact, "1-2" stays text).
///
/// Built as bytes rather than by string interpolation: an export can have a million cells.
enum XLSXSheetXML {
    static func worksheet(_ rows: [[String]]) -> [UInt8] {
        var xml = Array(XLSXPackageParts.declaration.utf8)
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8
        let columnNames = (0..<(rows.map(\.count).max() ?? 0)).map { Array(CellReference.columnName(of: $0).utf8) }
        for (rowIndex, row) in rows.enumerated() {
            let rowNumber = Array(String(rowIndex + 1).utf8)
            xml += #"<row r=""#.utf8
            xml += rowNumber
            xml += #"">"#.utf8
            for (columnIndex, cell) in row.enumerated() {
                xml += #"<c r=""#.utf8
                xml += columnNames[columnIndex]
                xml += rowNumber
                xml += #"" t="inlineStr"><is>"#.utf8
                appendTextElement(SpreadsheetWriter.neutralized(cell), to: &xml)
                xml += "</is></c>".utf8
            }
            xml += "</row>".utf8
        }
        xml += "</sheetData></worksheet>".utf8
        return xml
    }

    /// XML drops leading and trailing whitespace of text unless told to keep it.
    private static func appendTextElement(_ text: String, to xml: inout [UInt8]) {
        let keepsSpaces = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        xml += (keepsSpaces ? #"<t xml:space="preserve">"# : "<t>").utf8
        xml += XMLText.escaped(text).utf8
        xml += "</t>".utf8
    }
}
