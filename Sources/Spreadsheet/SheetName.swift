/// Sheet names Excel accepts: at most 31 characters, none of \ / ? * [ ] :, not starting or ending with an
/// apostrophe, not empty, and not "History" (reserved for change tracking).
enum SheetName {
    static let maximumLength = 31
    static let fallback = "Sheet1"

    static func sanitized(_ name: String) -> String {
        var cleaned = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    forbidden.contains(scalar) || scalar.properties.generalCategory == .control ? "_" : scalar
                }))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        // Excel counts the limit in UTF-16 units; cut on a character boundary so no character is split.
        var truncated = ""
        for character in cleaned {
            guard truncated.utf16.count + character.utf16.count <= maximumLength else { break }
            truncated.append(character)
        }
        while truncated.hasSuffix("'") { truncated.removeLast() }
        if truncated.isEmpty { return fallback }
        if truncated.lowercased() == "history" { return truncated + "_" }
        return truncated
    }

    private static let forbidden: Set<Unicode.Scalar> = ["\\", "/", "?", "*", "[", "]", ":"]
}
