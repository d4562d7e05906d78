import Foundation
import ZIPFoundation

extension SpreadsheetWriter {
    /// A minimal valid xlsx workbook with one sheet (name given, ≤31 chars, sanitized), cells as inline strings.
    public static func xlsx(_ rows: [[String]], sheetName: String) throws(SpreadsheetError) -> Data {
        let sheet = Data(XLSXSheetXML.worksheet(rows))
        do {
            let archive = try Archive(accessMode: .create)
            try XLSXPackageParts.addFixedParts(to: archive, sheetName: sheetName)
            try archive.addEntry(
                with: XLSXPackageParts.sheetPath, type: .file, uncompressedSize: Int64(sheet.count),
                compressionMethod: .deflate, provider: XLSXPackageParts.provider(of: sheet))
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

extension XLSXPackageParts {
    static let sheetPath = "xl/worksheets/sheet1.xml"

    /// Every part but the sheet, in the order the package lists them.
    static func addFixedParts(to archive: Archive, sheetName: String) throws {
        let parts: [(path: String, contents: Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook(sheetName: SheetName.sanitized(sheetName)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.contents.count),
                compressionMethod: .deflate, provider: provider(of: part.contents))
        }
    }

    static func provider(of bytes: Data) -> Provider {
        { position, size in
            let start = Int(position)
            return bytes.subdata(in: start..<min(start + size, bytes.count))
        }
    }
}
