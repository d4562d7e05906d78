import Foundation
import ZIPFoundation

extension SpreadsheetWriter {
    /// A minimal valid xlsx workbook with one sheet (name given, ≤31 chars, sanitized), cells as inline strings.
    public static func xlsx(_ rows: [[String]], sheetName: String) throws(SpreadsheetError) -> Data {
        let parts: [(path: String, contents: Data)] = [
            ("[Content_Types].xml", Data(XLSXPackageParts.contentTypes.utf8)),
            ("_rels/.rels", Data(XLSXPackageParts.packageRelationships.utf8)),
            ("xl/workbook.xml", Data(XLSXPackageParts.workbook(sheetName: SheetName.sanitized(sheetName)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(XLSXPackageParts.workbookRelationships.utf8)),
            ("xl/styles.xml", Data(XLSXPackageParts.styles.utf8)),
            ("xl/worksheets/sheet1.xml", Data(XLSXSheetXML.worksheet(rows))),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = part.contents
                try archive.addEntry(
                    with: part.path,
                    type: .file,
                    uncompressedSize: Int64(bytes.count),
                    compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(start + size, bytes.count))
                }
            }
            guard let data = archive.data else {
                throw SpreadsheetError("无法生成 xlsx 文件（压缩包为空）")
            }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError("无法生成 xlsx 文件（\(error)）")
        }
    }
}
