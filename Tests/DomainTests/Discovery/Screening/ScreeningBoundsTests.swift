import Testing
import DemoData
@testable import Domain

/// The candidate bounds let through every household the engine would hit, for random households and rule sets
/// with area and period variants; and they stay shut for a quiet household.
@Suite struct ScreeningBoundsTests {
    typealias Data = ScreeningTestData

    static let line = try! MonitoringLine(rows: [
        EffectiveDated(scope: nil, effectiveFrom: CivilDate(known: 2021, 1, 1), value: Data.yuan("7600")),
        EffectiveDated(
            scope: Data.area("510000000000"), effectiveFrom: CivilDate(known: 2024, 1, 1), value: Data.yuan("8200")),
    ])

    @Test func aQuietHouseholdPassesNoBound() {
        // setup
        let rules = try! ScreeningRuleSet(versions: ScreeningRuleSet.seeded)
        let bounds = ScreeningBounds(rules: rules, line: Self.line, on: Data.today)
        // check
        #expect(!bounds.admitsRegistryFacts(Data.quiet(), incomeYear: 2024))
        #expect(
            !bounds.admitsRegistryFacts(
                Data.quiet { $0.frailMemberBirthDate = Data.day("1965-07-01") }, incomeYear: 2024))
        #expect(
            bounds.admitsRegistryFacts(
                Data.quiet { $0.frailMemberBirthDate = Data.day("1965-06-30") }, incomeYear: 2024))
        #expect(!bounds.admitsRecords([], on: Data.today))
    }

    @Test func boundsTakeTheLoosestVersionInForce() {
        // setup: a county raises the margin and lowers the medical threshold; a village version is disabled
        var versions = ScreeningRuleSet.seeded
        versions.append(
            ScreeningRuleVersion(
                kind: .incomeBelowLine, version: 2, parameters: ["lineMarginPercent": 20],
                effective: ValidityPeriod(from: CivilDate(known: 2025, 1, 1)), scope: Data.county))
        versions.append(
            ScreeningRuleVersion(
                kind: .hospitalSelfPay, version: 2, parameters: ["thresholdFen": 2_000_000, "windowMonths": 24],
                effective: .always, scope: Data.county))
        let rules = try! ScreeningRuleSet(versions: versions)
        // act
        let bounds = ScreeningBounds(rules: rules, line: Self.line, on: Data.today)
        // check
        #expect(
            bounds.incomeCeilingHundredths == Int64(98_400_000), "8,200 yuan raised by 20 %, in hundredths of a fen")
        let medical = bounds.records.first { $0.kind == .medicalSelfPay }
        #expect(medical?.amountAtLeast == Data.yuan("20000"))
        #expect(medical?.opensAfter == CivilDate(known: 2023, 6, 30))
        #expect(medical?.summedPerPerson == true)
    }

    @Test(arguments: 0..<8)
    func everyHitPassesABound(seed: UInt64) {
        var random = SeededGenerator(seed: 7_000 + seed)
        let rules = Self.randomRules(&random)
        let bounds = ScreeningBounds(rules: rules, line: Self.line, on: Data.today)
        var admitted = 0
        for _ in 0..<2_000 {
            // setup: amounts are sometimes exactly a threshold in force, where a bound off by one would shut
            let facts = Self.randomFacts(&random, boundaries: Self.thresholds(rules))
            // act
            let hits = ScreeningEngine.evaluate(
                facts, rules: rules.inForce(for: facts.villageCode, on: Data.today), on: Data.today)
            let passes =
                bounds.admitsRegistryFacts(facts, incomeYear: 2024)
                || bounds.admitsRecords(facts.events, on: Data.today)
            // check
            if !hits.isEmpty {
                #expect(passes, "hits \(hits.map(\.kind)) for \(facts)")
                admitted += 1
            }
        }
        #expect(admitted > 100, "the random households should produce hits")
    }

    static func randomRules(_ random: inout SeededGenerator) -> ScreeningRuleSet {
        var versions = ScreeningRuleSet.seeded
        let scopes = [Data.county, Data.village, Data.area("512002110000")]
        for kind in ScreeningRuleKind.allCases where Bool.random(using: &random) {
            var parameters: [String: Int64] = [:]
            for name in kind.parameterNames {
                parameters[name.rawValue] = Int64.random(
                    in: name.allowedRange
                        .lowerBound...min(name.allowedRange.upperBound, name.allowedRange.lowerBound + 6_000_000),
                    using: &random)
            }
            let from =
                Bool.random(using: &random) ? nil : CivilDate(known: 2025, Int.random(in: 1...12, using: &random), 1)
            versions.append(
                ScreeningRuleVersion(
                    kind: kind, version: 2, parameters: parameters, effective: ValidityPeriod(from: from),
                    scope: scopes.randomElement(using: &random), enabled: Int.random(in: 0..<5, using: &random) > 0))
        }
        return try! ScreeningRuleSet(versions: versions)
    }

    /// Every amount threshold the rule set holds, to place records exactly at them.
    static func thresholds(_ rules: ScreeningRuleSet) -> [Int64] {
        rules.versions.compactMap { $0.parameter(.thresholdFen) }
    }

    static func randomFacts(_ random: inout SeededGenerator, boundaries: [Int64] = []) -> HouseholdFacts {
        let villages = [Data.village, Data.area("512002110202"), Data.otherVillage]
        let people = [Data.head, Data.spouse, Data.son, Data.daughter]
        func amount(_ upper: Int64) -> Money? {
            if !boundaries.isEmpty, Int.random(in: 0..<4, using: &random) == 0 {
                return Money(fen: boundaries.randomElement(using: &random)!)
            }
            return Int.random(in: 0..<6, using: &random) == 0
                ? nil : Money(fen: Int64.random(in: 0...upper, using: &random))
        }
        func day(_ range: ClosedRange<Int>) -> CivilDate? {
            Bool.random(using: &random) ? nil : Data.today.adding(days: -Int.random(in: range, using: &random))
        }
        var facts = HouseholdFacts(
            householdNumber: "1", villageCode: villages.randomElement(using: &random)!, memberCount: 4)
        for year in [2023, 2024] {
            facts.perCapitaIncome[year] = amount(2_500_000)
            facts.netIncome[year] = amount(8_000_000)
            facts.rigidSpending[year] = amount(6_000_000)
        }
        facts.membersInHigherEducation = Int.random(in: 0...3, using: &random)
        facts.childrenBeyondCompulsory = facts.membersInHigherEducation + Int.random(in: 0...1, using: &random)
        facts.frailMemberBirthDate = day(21_000...23_500)
        facts.registryDisability = day(-10...800).map {
            GradeChange(grade: Int.random(in: 1...4, using: &random), on: $0)
        }
        facts.labourerLostOn = day(-10...800)
        facts.labourers = Int.random(in: 0...3, using: &random)
        facts.largestRigidItem = RigidSpendingItem.allCases.randomElement(using: &random)
        if Bool.random(using: &random) {
            facts.childIDNumbers = Set(people.filter { _ in Bool.random(using: &random) })
        }
        facts.housingGrade = HousingSafetyGrade.allCases.randomElement(using: &random)
        facts.waterSecured = [true, true, true, false, nil].randomElement(using: &random)!
        facts.monitoringLine = [Data.yuan("7600"), Data.yuan("8200")].randomElement(using: &random)
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let kind = DepartmentEventKind.allCases.randomElement(using: &random)!
            let date = Data.today.adding(days: -Int.random(in: -10...800, using: &random))
            facts.events.append(
                DepartmentEvent(
                    kind: kind, idNumber: people.randomElement(using: &random)!, memberName: "张建国", eventDate: date,
                    amount: amount(6_000_000),
                    grade: ["1", "2", "3", "4", "C", "D", "A"].randomElement(using: &random),
                    level: SchoolStatus.allCases.randomElement(using: &random)?.rawValue
                ))
        }
        return facts
    }
}
