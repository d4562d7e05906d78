import Foundation
import ZIPFoundation

/// The zip container of an xlsx file, read from memory.
///
/// The parts read together may inflate to at most `limits.inflatedBytes`: a part whose declared size would cross it
/// is refused before any of it is inflated, and the count is kept while inflating, as a declared size can lie.
final class XLSXPackage {
    private let archive: Archive
    private let limits: SpreadsheetLimits
    private var inflated = 0

    init(_ data: Data, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) {
        self.limits = limits
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError("不是有效的 xlsx 文件（无法作为压缩包打开）")
        }
    }

    /// The uncompressed bytes of the part at `path`, or nil when the package has no such part.
    func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path] else { return nil }
        let tooLarge = SpreadsheetError(
            "xlsx 文件解压后过大（超过 \(limits.inflatedBytes / 1_048_576) MB，在 \(path)），不像正常的表格，已拒绝。请分批上传")
        guard entry.uncompressedSize <= UInt64(limits.inflatedBytes - inflated) else { throw tooLarge }
        var contents = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard self.inflated + chunk.count <= self.limits.inflatedBytes else { throw tooLarge }
                self.inflated += chunk.count
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
