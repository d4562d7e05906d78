import Foundation

extension SpreadsheetReader {
    /// Text decoding for CSV: UTF-8 (with or without BOM) first; if not valid UTF-8, GB18030 (what Excel in China writes as "CSV"); report which was used.
    ///
    /// UTF-8 goes first because a GB18030 decoder accepts many byte sequences that are really UTF-8 and would turn
    /// them into wrong characters, while GB18030 text with any Chinese in it is almost never valid UTF-8.
    public static func decodeText(_ data: Data) throws(SpreadsheetError) -> (text: String, encoding: TextEncodingUsed) {
        if data.starts(with: utf8ByteOrderMark) {
            guard let text = String(data: data.dropFirst(utf8ByteOrderMark.count), encoding: .utf8) else {
                throw SpreadsheetError("文件编码无法识别：开头标明是 UTF-8，但内容不是有效的 UTF-8")
            }
            return (text, .utf8WithBOM)
        }
        if let text = String(data: data, encoding: .utf8) {
            return (text, .utf8)
        }
        if data.starts(with: utf16LittleEndianByteOrderMark) || data.starts(with: utf16BigEndianByteOrderMark) {
            throw SpreadsheetError("文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”后再上传")
        }
        if let text = String(data: data, encoding: gb18030) {
            return (text, .gb18030)
        }
        throw SpreadsheetError("文件编码无法识别：既不是 UTF-8 也不是 GB18030")
    }

    private static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let utf16LittleEndianByteOrderMark: [UInt8] = [0xFF, 0xFE]
    private static let utf16BigEndianByteOrderMark: [UInt8] = [0xFE, 0xFF]

    /// kCFStringEncodingGB_18030_2000 (0x0632) as an NSStringEncoding. Foundation decodes it on macOS and, through
    /// ICU, on Linux too, including the four-byte sequences; Linux just does not export the CoreFoundation constant
    /// to compute it from, so it is spelled out here.
    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
}
