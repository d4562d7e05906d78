/// Why a string is not a valid identity number; `message` is the Chinese text shown to the person who typed it.
public enum IdentityNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongLength(actual: Int)
    /// `position` counts from 1, as people count the characters on a card.
    case invalidCharacter(position: Int, found: String)
    case unknownRegion(String)
    /// The digits as written, e.g. `2023-02-29` or `1985-13-01`.
    case nonexistentBirthDate(String)
    case birthDateInFuture(birth: CivilDate, today: CivilDate)
    case wrongCheckCharacter(expected: Character, actual: Character)
    /// Only from `IdentityNumber.make`: the sequence code has three digits.
    case sequenceOutOfRange(Int)

    public var message: String {
        switch self {
        case .wrongLength(let actual):
            "身份证号码应为18位，实际为\(actual)位"
        case .invalidCharacter(let position, let found):
            "第\(position)位应为\(position == 18 ? "数字或大写X" : "数字")，实际为“\(Self.visible(found))”"
        case .unknownRegion(let code):
            "地区码 \(code) 不存在"
        case .nonexistentBirthDate(let text):
            "出生日期 \(text) 不存在"
        case .birthDateInFuture(let birth, let today):
            "出生日期 \(birth) 晚于今天（\(today)）"
        case .wrongCheckCharacter(let expected, let actual):
            "校验码应为 \(expected)，实际为 \(actual)"
        case .sequenceOutOfRange(let sequence):
            "顺序码应在 000 至 999 之间，实际为 \(sequence)"
        }
    }

    public var description: String { message }

    /// Spaces would be invisible inside the quotation marks.
    private static func visible(_ found: String) -> String {
        found.allSatisfy(\.isWhitespace) ? "空格" : found
    }
}
