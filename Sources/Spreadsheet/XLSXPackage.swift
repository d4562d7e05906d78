import Foundation
import ZIPFoundation

/// The zip container of an xlsx file, read from memory.
struct XLSXPackage {
    private let archive: Archive

    /// No single part of a real sheet comes near this; a larger one is a zip bomb, not a spreadsheet.
    private static let largestPartSize = 512 * 1024 * 1024

    init(_ data: Data) throws(SpreadsheetError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError("不是有效的 xlsx 文件（无法作为压缩包打开）")
        }
    }

    /// The uncompressed bytes of the part at `path`, or nil when the package has no such part.
    func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var contents = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard contents.count + chunk.count <= Self.largestPartSize else {
                    throw SpreadsheetError("xlsx 文件中的 \(path) 过大，无法读取")
                }
                contents.append(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError("不是有效的 xlsx 文件（\(path) 已损坏）")
        }
        return contents
    }
}
