/// The `_xHHHH_` escapes that Office uses in cell text for characters XML 1.0 cannot carry (Excel writes a
/// carriage return as `_x000D_`), and `_x005F_` for an underscore that would otherwise start such an escape.
enum OOXMLText {
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(underscore) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let scalar = escapedScalar(in: bytes, at: index) {
                UTF8.encode(scalar) { result.append($0) }
                index += escapeLength
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True where `text` holds a literal that a reader would mistake for an escape, starting at `index`.
    static func looksLikeEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        escapedScalar(in: bytes, at: index) != nil
    }

    private static let underscore = UInt8(ascii: "_")
    private static let escapeLength = 7  // _xHHHH_

    private static func escapedScalar(in bytes: [UInt8], at index: Int) -> Unicode.Scalar? {
        guard index + escapeLength <= bytes.count,
            bytes[index] == underscore,
            bytes[index + 1] == UInt8(ascii: "x"),
            bytes[index + 6] == underscore
        else { return nil }
        var value: UInt32 = 0
        for byte in bytes[(index + 2)..<(index + 6)] {
            guard let digit = hexValue(byte) else { return nil }
            value = value << 4 | digit
        }
        return Unicode.Scalar(value)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
