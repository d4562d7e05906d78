/// 单元格取值: how the registry file's cells are read. Shared by the import and by forms that accept the same text.
public enum RegistryCell {
    /// Full-width spaces (U+3000) and byte-order marks count as blank too: both come from Chinese spreadsheets.
    /// Written on scalars rather than with Foundation's `trimmingCharacters`, which on Linux converts through
    /// UTF-16 and was most of the time of a 60,000-row import; cells that need no trimming are not copied.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }),
            let end = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Unicode's White_Space set, spelled out because looking the property up per cell was the next cost in the
    /// profile, plus the byte-order mark.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// A code from either its Chinese label (脱贫户) or its stored raw value (`povertyAlleviated`), so that a file
    /// this system exported and a file typed by hand both load.
    /// Bytes are compared rather than strings: labels are NFC and so is what spreadsheets write, and the
    /// Unicode-aware `==` on Chinese text was a visible cost over 60,000 rows.
    public static func code<T: CodeList>(_ text: String, as type: T.Type = T.self) -> T? {
        T.allCases.first { $0.label.utf8.elementsEqual(text.utf8) || $0.rawValue.utf8.elementsEqual(text.utf8) }
    }

    /// “户主、配偶、之子…”, for messages that say what would have been accepted.
    public static func labels<T: CodeList>(of type: T.Type) -> String {
        T.allCases.map(\.label).joined(separator: "、")
    }

    /// 是/否, Y/N, 1/0, true/false in any case; an empty cell means no, because templates leave “否” blank.
    /// Nil for anything else.
    public static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "否", "n", "no", "0", "false": false
        case "是", "y", "yes", "1", "true": true
        default: nil
        }
    }

    /// The separators people use between multi-select values: 、 , ， ; ；
    public static let listSeparators: Set<Character> = ["、", ",", "，", ";", "；"]

    /// The parts of a multi-select cell, trimmed, empty parts dropped.
    public static func listItems(_ text: String) -> [String] {
        // Most cells hold one value; splitting by Character is the slow path.
        guard text.unicodeScalars.contains(where: { separatorScalars.contains($0) }) else {
            let item = trimmed(text)
            return item.isEmpty ? [] : [item]
        }
        return text.split(whereSeparator: listSeparators.contains).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    private static let separatorScalars: Set<Unicode.Scalar> = ["、", ",", "，", ";", "；"]

    /// ASCII digits only: full-width digits and signs are refused, not converted, so what is stored is what the
    /// national system will accept.
    public static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The number a short all-digit cell spells; nil for anything else.
    public static func integer(_ text: String) -> Int? {
        guard isDigits(text), text.utf8.count <= 9 else { return nil }
        return ASCIIDigits.value(text.utf8)
    }
}
