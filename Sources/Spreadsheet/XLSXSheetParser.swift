import Foundation

/// Streams a worksheet part into rows of strings, placing each cell by its reference.
///
/// Cells and rows missing from the XML (Excel omits empty ones) become "" and empty rows. Numbers and dates stay
/// as the raw `<v>` text: a date is a serial number whose meaning depends on the cell's number format, and only
/// the caller knows whether a column holds dates.
final class XLSXSheetParser: XMLPartParser {
    private let sharedStrings: [String]
    private let limits: SpreadsheetLimits
    private var rows: [[String]] = []
    private var cellCount = 0
    private var error: SpreadsheetError?

    private var row: [String] = []
    private var rowIndex = -1
    private var nextColumn = 0

    private var cell = CellInProgress()
    private var textTarget = TextTarget.none
    private var phoneticDepth = 0

    private struct CellInProgress {
        var reference: String?
        var column = 0
        var type = "n"
        var value = ""
        var inlineText = ""
    }

    private enum TextTarget {
        case none, value, inlineText
    }

    private init(sharedStrings: [String], limits: SpreadsheetLimits) {
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    static func rows(
        in xml: Data, sharedStrings: [String], limits: SpreadsheetLimits = .standard
    ) throws(SpreadsheetError) -> [[String]] {
        let sheet = XLSXSheetParser(sharedStrings: sharedStrings, limits: limits)
        let parsed = sheet.parse(xml)
        if let error = sheet.error { throw error }
        guard parsed else { throw SpreadsheetError("不是有效的 xlsx 文件（工作表内容无法解析）") }
        return sheet.rows
    }

    override func didStart(_ localName: Substring, attributes: [String: String]) {
        switch localName {
        case "row": startRow(number: attributes["r"])
        case "c": startCell(reference: attributes["r"], type: attributes["t"])
        case "v": textTarget = .value
        case "t" where phoneticDepth == 0 && textTarget == .none: textTarget = .inlineText
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    override func didEnd(_ localName: Substring) {
        switch localName {
        case "row": finishRow()
        case "c": finishCell()
        case "v", "t": textTarget = .none
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    override func found(_ text: String) {
        append(text)
    }

    private func append(_ text: String) {
        switch textTarget {
        case .none: break
        case .value: cell.value += text
        case .inlineText: cell.inlineText += text
        }
    }

    private func startRow(number: String?) {
        let index = number.flatMap(Int.init).map { $0 - 1 } ?? rowIndex + 1
        guard (0..<CellReference.maximumRowCount).contains(index) else {
            return fail(SpreadsheetError("不是有效的 xlsx 文件（行号 \(number ?? "") 超出范围）"))
        }
        rowIndex = index
        row = []
        nextColumn = 0
    }

    private func startCell(reference: String?, type: String?) {
        let column: Int
        if let reference {
            guard let index = CellReference.columnIndex(of: reference) else {
                return fail(SpreadsheetError("不是有效的 xlsx 文件（单元格引用 \(reference) 无效）"))
            }
            column = index
        } else {
            column = nextColumn
        }
        cell = CellInProgress(reference: reference, column: column, type: type ?? "n")
        textTarget = .none
    }

    private func finishCell() {
        guard let text = cellText() else { return }
        nextColumn = cell.column + 1
        if cell.column >= limits.columns {
            // A formatted but empty cell far to the right is common and means nothing; a value there is refused
            // rather than padding every row out to it.
            guard text.isEmpty else {
                let place = cell.reference ?? "第 \(rowIndex + 1) 行第 \(cell.column + 1) 列"
                return fail(
                    SpreadsheetError("表格过宽：单元格 \(place) 在第 \(cell.column + 1) 列，最多读取 \(limits.columns) 列。请删去多余的列后重新上传"))
            }
            return
        }
        if row.count <= cell.column {
            let added = cell.column + 1 - row.count
            cellCount += added
            guard cellCount <= limits.cells else {
                return fail(SpreadsheetError("表格单元格过多（超过 \(limits.cells) 个，到第 \(rowIndex + 1) 行为止）。请分批上传"))
            }
            row.append(contentsOf: repeatElement("", count: added))
        }
        row[cell.column] = text
    }

    private func cellText() -> String? {
        switch cell.type {
        case "s" where cell.value.isEmpty:
            return ""
        case "s":
            guard let index = Int(cell.value), sharedStrings.indices.contains(index) else {
                let place = cell.reference ?? "第 \(rowIndex + 1) 行"
                fail(SpreadsheetError("不是有效的 xlsx 文件（单元格 \(place) 引用了不存在的共享字符串）"))
                return nil
            }
            return sharedStrings[index]
        case "inlineStr":
            return OOXMLText.unescaped(cell.inlineText)
        case "str":
            return OOXMLText.unescaped(cell.value)
        case "b":
            // What Excel shows and what it writes when saving as CSV.
            return cell.value == "1" ? "TRUE" : "FALSE"
        default:
            // Numbers ("n"), ISO dates ("d") and errors ("e", such as "#N/A") are kept as written.
            return cell.value
        }
    }

    private func finishRow() {
        // Excel writes formatted rows without cells far below the data; they must not pad the sheet out to them.
        guard !row.isEmpty else { return }
        if rows.count < rowIndex {
            rows.append(contentsOf: repeatElement([], count: rowIndex - rows.count))
        }
        if rowIndex < rows.count {
            rows[rowIndex] = row
        } else {
            rows.append(row)
        }
        row = []
    }

    private func fail(_ error: SpreadsheetError) {
        guard self.error == nil else { return }
        self.error = error
        abort()
    }
}
