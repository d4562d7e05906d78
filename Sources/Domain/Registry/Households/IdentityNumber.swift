import Foundation

/// 居民身份证号码 (GB 11643-1999): six digits of region, eight of birth date, a three-digit sequence and a
/// check character. A value of this type passed every rule, or was built by `make` for a region the caller chose.
public struct IdentityNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters exactly as written on the card.
    public let value: String
    public let birthDate: CivilDate

    private init(value: String, birthDate: CivilDate) {
        self.value = value
        self.birthDate = birthDate
    }

    /// 地址码: the county where the number was first issued; it is not updated when the person moves.
    public var regionCode: String { String(value.prefix(6)) }

    /// 顺序码: digits 15 to 17.
    public var sequence: Int {
        value.utf8.dropFirst(14).prefix(3).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// The standard gives odd sequence numbers to men and even ones to women.
    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// First four and last four characters, the rest hidden: enough to tell people in a list apart without
    /// disclosing the number (PIPL).
    public var masked: String {
        String(value.prefix(4)) + String(repeating: "*", count: 10) + String(value.suffix(4))
    }

    /// Masked, so that interpolating a number into a log line or a page never discloses it.
    public var description: String { masked }

    /// Full years of age on `date`.
    public func age(on date: CivilDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birthDate.month, birthDate.day)
        return date.year - birthDate.year - (hadBirthday ? 0 : 1)
    }

    /// Checks `raw` as written: nothing is trimmed or upper-cased, so a lower-case `x` or a full-width digit is
    /// reported rather than silently repaired.
    public static func validate(
        _ raw: String,
        today: CivilDate,
        isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> Result<IdentityNumber, IdentityNumberError> {
        let characters = Array(raw)
        guard characters.count == 18 else { return .failure(.wrongLength(actual: characters.count)) }
        for (index, character) in characters.enumerated() where !isDigit(character) {
            if index < 17 || character != "X" {
                return .failure(.invalidCharacter(position: index + 1, found: String(character)))
            }
        }
        let bytes = Array(raw.utf8)
        let region = String(decoding: bytes[0..<6], as: UTF8.self)
        guard isKnownRegion(region) else { return .failure(.unknownRegion(region)) }
        guard let year = ASCIIDigits.value(bytes[6..<10]), let month = ASCIIDigits.value(bytes[10..<12]),
            let day = ASCIIDigits.value(bytes[12..<14]),
            let birth = CivilDate(year: year, month: month, day: day)
        else {
            let digits = String(decoding: bytes[6..<14], as: UTF8.self)
            let text = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
            return .failure(.nonexistentBirthDate(text))
        }
        guard birth <= today else { return .failure(.birthDateInFuture(birth: birth, today: today)) }
        let expected = checkCharacter(forBody: bytes[0..<17])
        let actual = characters[17]
        guard expected == actual else { return .failure(.wrongCheckCharacter(expected: expected, actual: actual)) }
        return .success(IdentityNumber(value: raw, birthDate: birth))
    }

    /// Builds a well-formed number with its check character, for demo and test data. The region is not looked up,
    /// so callers choose a real one.
    public static func make(
        region: String, birth: CivilDate, sequence: Int
    ) throws(IdentityNumberError) -> IdentityNumber {
        guard region.utf8.count == 6, region.allSatisfy(isDigit) else { throw .unknownRegion(region) }
        guard (0...999).contains(sequence) else { throw .sequenceOutOfRange(sequence) }
        let birthDigits = birth.description.filter { $0 != "-" }
        let sequenceDigits = String(repeating: "0", count: 3 - String(sequence).count) + String(sequence)
        let body = region + birthDigits + sequenceDigits
        let value = body + String(checkCharacter(forBody: Array(body.utf8)[...]))
        return IdentityNumber(value: value, birthDate: birth)
    }

    /// ISO 7064 MOD 11-2 over 17 ASCII digits.
    static func checkCharacter(forBody body: ArraySlice<UInt8>) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        let characters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
        return characters[sum % 11]
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }
}
