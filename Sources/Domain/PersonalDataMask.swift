/// 个人信息脱敏 — how personal data is shown to people who do not need it in full (PIPL).
///
/// Masking works on any stored text, valid or not, so a malformed number never leaks through a formatting error.
public enum PersonalDataMask {
    /// `5120**********1234`: the first four and last four characters stay, the length is kept.
    public static func identityNumber(_ value: String) -> String {
        keep(first: 4, last: 4, of: value)
    }

    /// `138****5678`.
    public static func phone(_ value: String) -> String {
        keep(first: 3, last: 4, of: value)
    }

    /// `************1234`: only the last four digits of a bank or social-security card account.
    public static func bankAccount(_ value: String) -> String {
        keep(first: 0, last: 4, of: value)
    }

    static func keep(first: Int, last: Int, of value: String) -> String {
        let characters = Array(value)
        guard characters.count > first + last else { return String(repeating: "*", count: characters.count) }
        let hidden = characters.count - first - last
        return String(characters.prefix(first)) + String(repeating: "*", count: hidden) + String(characters.suffix(last))
    }
}
