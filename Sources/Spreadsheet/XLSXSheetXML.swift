/// The worksheet part for the writers: every cell an inline string, so nothing is reinterpreted as a number or a
/// date (an ID number like 512002197908189832 stays exact, "1-2" stays text).
///
/// Built as bytes rather than by string interpolation: an export can have a million cells.
enum XLSXSheetXML {
    static let head = Array(
        (XLSXPackageParts.declaration
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).utf8)
    static let tail = Array("</sheetData></worksheet>".utf8)

    static func worksheet(_ rows: [[String]]) -> [UInt8] {
        var xml = head
        var columns = ColumnNames()
        append(rows, firstRowNumber: 1, columns: &columns, to: &xml)
        xml += tail
        return xml
    }

    /// The `<row>` elements of `rows`, numbered from `firstRowNumber` (a sheet written in parts goes on counting).
    static func append(_ rows: [[String]], firstRowNumber: Int, columns: inout ColumnNames, to xml: inout [UInt8]) {
        for (offset, row) in rows.enumerated() {
            let rowNumber = Array(String(firstRowNumber + offset).utf8)
            xml += #"<row r=""#.utf8
            xml += rowNumber
            xml += #"">"#.utf8
            for (columnIndex, cell) in row.enumerated() {
                xml += #"<c r=""#.utf8
                xml += columns[columnIndex]
                xml += rowNumber
                xml += #"" t="inlineStr"><is>"#.utf8
                appendTextElement(SpreadsheetWriter.neutralized(cell), to: &xml)
                xml += "</is></c>".utf8
            }
            xml += "</row>".utf8
        }
    }

    /// Column letters (A, B, … AA …) as bytes, computed once per column.
    struct ColumnNames {
        private var names: [[UInt8]] = []

        subscript(index: Int) -> [UInt8] {
            mutating get {
                while names.count <= index { names.append(Array(CellReference.columnName(of: names.count).utf8)) }
                return names[index]
            }
        }
    }

    /// XML drops leading and trailing whitespace of text unless told to keep it.
    private static func appendTextElement(_ text: String, to xml: inout [UInt8]) {
        let keepsSpaces = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        xml += (keepsSpaces ? #"<t xml:space="preserve">"# : "<t>").utf8
        xml += XMLText.escaped(text).utf8
        xml += "</t>".utf8
    }
}
