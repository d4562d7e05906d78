import Testing
import Domain

/// A quiet household that no built-in rule fires for on `today`, and the records tests add to it.
enum ScreeningTestData {
    /// Income rules look at 2024 (and 2023); record windows of 12 months run 2024-07-01…2025-06-30.
    static let today = day("2025-06-30")
    static let village = area("512002110201")
    static let county = area("512002000000")
    static let otherVillage = area("510104001001")
    static let head = RegistryTestData.id("1970-03-05")
    static let spouse = RegistryTestData.id("1972-08-15", 22)
    static let son = RegistryTestData.id("2004-02-01", 31)
    static let daughter = RegistryTestData.id("2006-05-01", 42)

    static func day(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { preconditionFailure("bad test day \(text)") }
        return date
    }

    static func area(_ text: String) -> AreaCode {
        guard let code = AreaCode(text) else { preconditionFailure("bad test area \(text)") }
        return code
    }

    static func yuan(_ text: String) -> Money {
        guard let money = Money(parsing: text) else { preconditionFailure("bad test amount \(text)") }
        return money
    }

    static func quiet(_ change: (inout HouseholdFacts) -> Void = { _ in }) -> HouseholdFacts {
        var facts = HouseholdFacts(
            householdNumber: "5120021102010001", villageCode: village, memberCount: 4,
            perCapitaIncome: [2023: yuan("12000"), 2024: yuan("11000")],
            netIncome: [2023: yuan("48000"), 2024: yuan("44000")],
            rigidSpending: [2024: yuan("10000")],
            housingGrade: .b, waterSecured: true, monitoringLine: yuan("7600")
        )
        change(&facts)
        return facts
    }

    static func event(
        _ kind: DepartmentEventKind, _ date: String, id: String = head, name: String = "张建国",
        amount: String? = nil, grade: String? = nil, level: SchoolStatus? = nil
    ) -> DepartmentEvent {
        DepartmentEvent(
            kind: kind, idNumber: id, memberName: name, eventDate: day(date),
            amount: amount.map(yuan), grade: grade, level: level?.rawValue
        )
    }

    static func with(_ events: DepartmentEvent...) -> HouseholdFacts {
        quiet { $0.events = events }
    }
}

/// One household and the rules that must fire for it with the seeded versions, and no others.
struct ScreeningCase: Sendable, CustomTestStringConvertible {
    let name: String
    let facts: HouseholdFacts
    let fires: [ScreeningRuleKind]

    init(_ name: String, _ facts: HouseholdFacts, _ fires: ScreeningRuleKind...) {
        self.name = name
        self.facts = facts
        self.fires = fires
    }

    var testDescription: String { "\(name) → \(fires.map(\.rawValue).joined(separator: ", "))" }
}

extension ScreeningRuleSet {
    /// The seeded versions with every rule switched on, including those seeded off for counties to enable: the
    /// engine's cases test each rule's logic, not the seeded switch.
    static let seededAllOn: [ScreeningRuleVersion] = seeded.map { version in
        var on = version
        on.enabled = true
        return on
    }
}
