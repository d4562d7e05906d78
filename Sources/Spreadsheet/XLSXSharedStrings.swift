import Foundation

/// The workbook's shared string table (`xl/sharedStrings.xml`), where Excel and WPS keep every text cell.
///
/// An entry is either one `<t>` or rich text: runs `<r><t>…</t></r>` whose texts together make the cell. Phonetic
/// guides (`<rPh>`) also contain `<t>` but are annotations, not cell text.
final class XLSXSharedStrings: XMLPartParser {
    private var strings: [String] = []
    private var current = ""
    private var isInText = false
    private var phoneticDepth = 0

    static func parse(_ xml: Data) throws(SpreadsheetError) -> [String] {
        let table = XLSXSharedStrings()
        guard table.parse(xml) else {
            throw SpreadsheetError("不是有效的 xlsx 文件（共享字符串表无法解析）")
        }
        return table.strings
    }

    override func didStart(_ localName: Substring, attributes: [String: String]) {
        switch localName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": isInText = phoneticDepth == 0
        default: break
        }
    }

    override func didEnd(_ localName: Substring) {
        switch localName {
        case "si": strings.append(OOXMLText.unescaped(current))
        case "rPh": phoneticDepth -= 1
        case "t": isInText = false
        default: break
        }
    }

    override func found(_ text: String) {
        if isInText { current += text }
    }
}
