/// Escaping text for the XML parts of an xlsx package.
enum XMLText {
    /// Escaped for element content and attribute values.
    ///
    /// Characters that XML 1.0 cannot carry at all (most control characters) use Office's `_xHHHH_` escape, and a
    /// literal that looks like such an escape gets its underscore escaped (`_x005F_`) so it reads back unchanged.
    /// A carriage return becomes a character reference: as a raw byte an XML parser would turn it into a line feed.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        let bytes = Array(text.utf8)
        var result = ""
        result.reserveCapacity(bytes.count)
        var plainStart = 0
        func flushPlain(upTo end: Int) {
            if end > plainStart {
                result += String(decoding: bytes[plainStart..<end], as: UTF8.self)
            }
            plainStart = end + 1
        }
        for index in bytes.indices {
            let replacement: String
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "\r"): replacement = "&#13;"
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): continue
            case let byte where byte < 0x20:
                replacement = "_x00" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) + "_"
            case UInt8(ascii: "_") where OOXMLText.looksLikeEscape(bytes, at: index):
                replacement = "_x005F_"
            default: continue
            }
            flushPlain(upTo: index)
            result += replacement
        }
        flushPlain(upTo: bytes.count)
        return result
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "_"): true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"): false
        default: byte < 0x20
        }
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
