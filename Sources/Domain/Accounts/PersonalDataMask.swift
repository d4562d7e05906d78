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
        return String(characters.prefix(first)) + String(repeating: "*", count: hidden)
            + String(characters.suffix(last))
    }
}

/// 个人信息字段: the personal data a role that does not need it sees only masked — in pages, edit forms, the API,
/// exports and audit histories alike, through `PersonalDataMask.shown(_:as:full:)`.
///
/// The birth date is one of them because it is digits 7–14 of the identity number: shown beside a masked number it
/// gives back most of what the mask hid (the two area digits left are the county's). Only its year stays.
public enum PersonalDataField: String, CaseIterable, Sendable {
    case identityNumber, phone, bankAccount, birthDate, health, disabilityGrade

    /// The field a snapshot key, form field or registry column name stands for (`id_number`, `head_id_number`,
    /// `idNumber`, `birth_date`, `bank_account` …); nil for data that is not personal in this sense.
    public init?(name: String) {
        switch name {
        case "id_number", "head_id_number", "idNumber": self = .identityNumber
        case "phone": self = .phone
        case "bank_account", "bankAccount": self = .bankAccount
        case "birth_date", "birthDate": self = .birthDate
        case "health": self = .health
        case "disability_grade", "disabilityGrade": self = .disabilityGrade
        default: return nil
        }
    }

    /// The registry column holding this field, where the registry file has one.
    public init?(column: RegistryColumn) {
        self.init(name: column.rawValue)
    }
}

extension PersonalDataMask {
    /// What health and disability look like to a role that may not see them.
    public static let hidden = "（已隐藏）"

    /// The value masked as its field is: `5120**********1234`, `138****5678`, `************1234`, `1979-**-**`,
    /// and health data hidden altogether. An empty value stays empty.
    public static func masked(_ value: String, as field: PersonalDataField) -> String {
        guard !value.isEmpty else { return value }
        switch field {
        case .identityNumber: return identityNumber(value)
        case .phone: return phone(value)
        case .bankAccount: return bankAccount(value)
        case .birthDate: return String(value.prefix(4)) + String(value.dropFirst(4).map { $0.isNumber ? "*" : $0 })
        case .health, .disabilityGrade: return hidden
        }
    }

    /// The one rule: a value in full for a full view (a role that needs it, having asked, and the view logged),
    /// masked otherwise.
    public static func shown(_ value: String, as field: PersonalDataField, full: Bool) -> String {
        full ? value : masked(value, as: field)
    }
}
