import Domain
import Foundation

/// One household's kept facts, as `screening_facts` stores them.
struct ScreeningFactsRow {
    static let schema = "screening_facts"

    /// The school statuses counted as higher education, as stored: the facts count the children at these stages, and
    /// an education record is checked against their identity numbers.
    static let higherEducation = SchoolStatus.allCases.filter(\.isHigherEducation).map(\.rawValue)
    /// The stages after compulsory schooling (高中, 中职, 高等教育), as stored.
    static let beyondCompulsory = SchoolStatus.allCases.filter(\.isBeyondCompulsory).map(\.rawValue)
    /// 子女: the relations to the head that count as the household's children (S0 counts 子女 only).
    static let children = [RelationToHead.son, .daughter].map(\.rawValue)
    /// Full labour capacity, and none at all, as stored.
    static let capable = LabourCapacity.allCases.filter(\.isCapable).map(\.rawValue)

    let household_id: UUID
    let household_number: String
    let village_code: String
    let member_count: Int
    let income_year: Int
    let per_capita_last: Int64?
    let per_capita_previous: Int64?
    let net_income_last: Int64?
    let net_income_previous: Int64?
    let rigid_last: Int64?
    let rigid_previous: Int64?
    let higher_education: Int
    let housing_grade: String?
    let water_secured: Bool?
    let beyond_compulsory: Int
    let frail_birth_date: String?
    let disability_grade: Int?
    let disability_graded_on: String?
    let labour_lost_on: String?
    let labourer_departed_on: String?
    let labourers: Int
    let rigid_item: String?
    /// Set by the query that read the row (`ScreeningFactsStore.rows`): whether the household has department records to read.
    let flagged: Bool

    /// Every column of the table, in the order the refresh writes them.
    static let storedColumns = [
        "household_id", "household_number", "village_code", "group_code", "grid_code", "member_count",
        "income_year", "per_capita_last", "per_capita_previous", "net_income_last", "net_income_previous",
        "rigid_last", "rigid_previous", "higher_education", "housing_grade", "water_secured",
        "beyond_compulsory", "frail_birth_date", "disability_grade", "disability_graded_on", "labour_lost_on",
        "labourer_departed_on", "labourers", "rigid_item",
    ]

    /// The columns a screening reads (the group and grid only scope queries), in the order `init(packed:)` parses them.
    static let columns = storedColumns.filter { $0 != "group_code" && $0 != "grid_code" }

    /// The facts the engine reads; department records and students' identity numbers are added by the caller.
    func householdFacts(line: Money?) -> HouseholdFacts? {
        guard let village = AreaCode(village_code) else { return nil }
        var facts = HouseholdFacts(
            householdNumber: household_number, villageCode: village, memberCount: member_count,
            membersInHigherEducation: higher_education,
            housingGrade: housing_grade.flatMap(HousingSafetyGrade.init(rawValue:)),
            waterSecured: water_secured, monitoringLine: line)
        facts.childrenBeyondCompulsory = beyond_compulsory
        facts.frailMemberBirthDate = frail_birth_date.flatMap(CivilDate.init)
        if let grade = disability_grade, let on = disability_graded_on.flatMap(CivilDate.init) {
            facts.registryDisability = GradeChange(grade: grade, on: on)
        }
        facts.labourerLostOn = [labour_lost_on, labourer_departed_on].compactMap { $0.flatMap(CivilDate.init) }.max()
        facts.labourers = labourers
        facts.largestRigidItem = rigid_item.flatMap(RigidSpendingItem.init(rawValue:))
        let year = income_year
        for (offset, perCapita, net, rigid) in [
            (0, per_capita_last, net_income_last, rigid_last),
            (1, per_capita_previous, net_income_previous, rigid_previous),
        ] {
            if let perCapita { facts.perCapitaIncome[year - offset] = Money(fen: perCapita) }
            if let net { facts.netIncome[year - offset] = Money(fen: net) }
            if let rigid { facts.rigidSpending[year - offset] = Money(fen: rigid) }
        }
        return facts
    }
}

extension ScreeningFactsRow {
    /// One row as `ScreeningFactsStore.rows` packs it: the columns in `columns` order and the flag, `|`-separated, empty for NULL.
    init?(packed line: Substring.UTF8View.SubSequence) {
        let fields = line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        guard fields.count == Self.columns.count + 1 else { return nil }
        func string(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
        func integer(_ index: Int) -> Int64? {
            var value: Int64 = 0
            var negative = false
            guard !fields[index].isEmpty else { return nil }
            for (offset, byte) in fields[index].enumerated() {
                if offset == 0, byte == UInt8(ascii: "-") { negative = true; continue }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = shifted + Int64(byte - UInt8(ascii: "0"))
            }
            return negative ? -value : value
        }
        guard let id = Hex.uuid(fields[0]), let members = integer(3), let year = integer(4), let students = integer(11)
        else {
            return nil
        }
        household_id = id
        household_number = string(1)
        village_code = string(2)
        member_count = Int(members)
        income_year = Int(year)
        per_capita_last = integer(5)
        per_capita_previous = integer(6)
        net_income_last = integer(7)
        net_income_previous = integer(8)
        rigid_last = integer(9)
        rigid_previous = integer(10)
        higher_education = Int(students)
        housing_grade = fields[12].isEmpty ? nil : string(12)
        func text(_ index: Int) -> String? { fields[index].isEmpty ? nil : string(index) }
        beyond_compulsory = integer(14).map(Int.init) ?? 0
        frail_birth_date = text(15)
        disability_grade = integer(16).map(Int.init)
        disability_graded_on = text(17)
        labour_lost_on = text(18)
        labourer_departed_on = text(19)
        labourers = integer(20).map(Int.init) ?? 0
        rigid_item = text(21)
        flagged = fields[Self.columns.count].first == UInt8(ascii: "1")
        water_secured =
            switch string(13) {
            case "1", "true", "t": true
            case "0", "false", "f": false
            default: nil
            }
    }
}
