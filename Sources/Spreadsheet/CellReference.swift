/// Column letters of A1-style cell references ("B3" is column B, index 1).
enum CellReference {
    /// Excel's limits; references beyond them come only from damaged or hostile files.
    static let maximumColumnCount = 16_384
    static let maximumRowCount = 1_048_576

    /// Zero-based column index of a reference such as "AB12", or nil when it has no valid column letters.
    static func columnIndex(of reference: String) -> Int? {
        var column = 0
        var letterCount = 0
        for byte in reference.utf8 {
            let letter: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): letter = byte - UInt8(ascii: "a")
            default:
                guard letterCount > 0, column <= maximumColumnCount else { return nil }
                return column - 1
            }
            letterCount += 1
            guard letterCount <= 3 else { return nil }
            column = column * 26 + Int(letter) + 1
        }
        guard letterCount > 0, column <= maximumColumnCount else { return nil }
        return column - 1
    }

    /// Column letters for a zero-based index: 0 → "A", 25 → "Z", 26 → "AA".
    static func columnName(of index: Int) -> String {
        var remaining = index + 1
        var letters: [UInt8] = []
        while remaining > 0 {
            let letter = (remaining - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(letter))
            remaining = (remaining - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
