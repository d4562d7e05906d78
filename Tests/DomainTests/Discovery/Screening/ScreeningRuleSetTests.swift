import Testing
import Domain

@Suite("Screening rule set")
struct ScreeningRuleSetTests {
    typealias Data = ScreeningTestData

    static let county = Data.county
    static let province = Data.area("510000000000")

    static func version(
        _ kind: ScreeningRuleKind, _ version: Int, _ parameters: [String: Int64], from: String? = nil,
        to: String? = nil,
        scope: AreaCode? = nil, enabled: Bool = true
    ) -> ScreeningRuleVersion {
        ScreeningRuleVersion(
            kind: kind, version: version, parameters: parameters,
            effective: ValidityPeriod(from: from.map(day), to: to.map(day)), scope: scope, enabled: enabled
        )
    }

    /// A county that lowered the self-pay threshold to 20,000 yuan from 2025 and switched the water rule off.
    static func countySet() throws -> ScreeningRuleSet {
        try ScreeningRuleSet(
            versions: ScreeningRuleSet.seeded + [
                version(
                    .hospitalSelfPay, 2, ["thresholdFen": 2_000_000, "windowMonths": 12], from: "2025-01-01",
                    scope: county),
                version(.unsafeWater, 2, ["windowMonths": 12], from: "2025-01-01", scope: county, enabled: false),
            ])
    }

    static let patient = Data.with(Data.event(.medicalSelfPay, "2025-03-02", amount: "30000"))
    static let dryWell = Data.quiet { $0.waterSecured = false }

    static func fired(
        _ facts: HouseholdFacts, _ set: ScreeningRuleSet, in area: AreaCode, on date: String
    ) -> [ScreeningRuleKind] {
        ScreeningEngine.evaluate(facts, rules: set.inForce(for: area, on: day(date)), on: day(date)).map(\.kind)
    }

    @Test("the seeded set is valid, national, from 2021-05-01, one version 1 of every rule")
    func seeded() throws {
        let set = try ScreeningRuleSet(versions: ScreeningRuleSet.seeded)
        #expect(set.problems.isEmpty)
        #expect(set.versions.map(\.kind) == ScreeningRuleKind.allCases)
        #expect(set.versions.allSatisfy { $0.version == 1 && $0.scope == nil })
        // every rule is on but one that flags too widely on its own, which a county switches on after a dry run
        #expect(set.versions.filter { !$0.enabled }.map(\.kind) == [.childInNonCompulsorySchooling])
        #expect(set.versions.allSatisfy { $0.effective == ValidityPeriod(from: day("2021-05-01")) })
        #expect(set.versions.first { $0.kind == .hospitalSelfPay }?.parameter(.thresholdFen) == 5_000_000)
    }

    @Test("no rule is in force before the seeded versions take effect")
    func notYetInForce() throws {
        let set = try ScreeningRuleSet(versions: ScreeningRuleSet.seeded)
        #expect(set.inForce(for: Data.village, on: day("2021-04-30")).isEmpty)
        #expect(set.inForce(for: Data.village, on: day("2021-05-01")).count == ScreeningRuleKind.allCases.count - 1)
        #expect(ScreeningEngine.evaluate(Self.dryWell, rules: ScreeningRuleSet.seeded, on: day("2021-04-30")).isEmpty)
    }

    @Test("a county version overrides the national one inside the county only")
    func countyOverride() throws {
        let set = try Self.countySet()
        #expect(Self.fired(Self.patient, set, in: Data.village, on: "2025-06-30") == [.hospitalSelfPay])
        #expect(Self.fired(Self.patient, set, in: Data.otherVillage, on: "2025-06-30") == [])
        // Before the county version starts, the national 50,000 applies in the county too.
        let earlier = Data.with(Data.event(.medicalSelfPay, "2024-12-02", amount: "30000"))
        #expect(Self.fired(earlier, set, in: Data.village, on: "2024-12-31") == [])
        let hit = ScreeningEngine.evaluate(
            Self.patient, rules: set.inForce(for: Data.village, on: Data.today), on: Data.today)
        #expect(hit.first?.version == 2 && hit.first?.message == "住院自付 30,000 元，达到 20,000 元以上")
    }

    @Test("a disabled county version switches the rule off in the county and nowhere else")
    func disabled() throws {
        let set = try Self.countySet()
        #expect(Self.fired(Self.dryWell, set, in: Data.village, on: "2025-06-30") == [])
        #expect(Self.fired(Self.dryWell, set, in: Data.otherVillage, on: "2025-06-30") == [.unsafeWater])
        #expect(!set.inForce(for: Data.village, on: Data.today).contains { $0.kind == .unsafeWater })
    }

    @Test("when a county version expires the national one governs again")
    func expired() throws {
        let set = try ScreeningRuleSet(
            versions: ScreeningRuleSet.seeded + [
                Self.version(
                    .hospitalSelfPay, 2, ["thresholdFen": 2_000_000, "windowMonths": 12],
                    from: "2024-01-01", to: "2024-12-31", scope: Self.county)
            ])
        let inside = Data.with(Data.event(.medicalSelfPay, "2024-11-02", amount: "30000"))
        #expect(Self.fired(inside, set, in: Data.village, on: "2024-12-31") == [.hospitalSelfPay])
        #expect(Self.fired(inside, set, in: Data.village, on: "2025-01-01") == [])
        #expect(
            set.inForce(for: Data.village, on: day("2025-01-01")).first { $0.kind == .hospitalSelfPay }?.version == 1)
    }

    @Test("a province version is overridden by a county version and overrides the national one")
    func specificity() throws {
        let set = try ScreeningRuleSet(
            versions: ScreeningRuleSet.seeded + [
                Self.version(
                    .disasterDamage, 2, ["thresholdFen": 500_000, "windowMonths": 12], from: "2024-01-01",
                    scope: Self.province),
                Self.version(
                    .disasterDamage, 3, ["thresholdFen": 800_000, "windowMonths": 12], from: "2024-01-01",
                    scope: Self.county),
            ])
        let version = { (area: AreaCode) in
            set.inForce(for: area, on: Data.today).first { $0.kind == .disasterDamage }?.version
        }
        #expect(version(Data.village) == 3)
        #expect(version(Data.otherVillage) == 2)
        #expect(version(Data.area("110101001001")) == 1)
    }

    @Test("two versions of one rule and scope with overlapping periods are refused in Chinese")
    func overlapping() {
        #expect(throws: ScreeningRuleSetError.overlapping(.hospitalSelfPay, scope: Self.county, versions: [2, 3])) {
            try ScreeningRuleSet(versions: [
                Self.version(.hospitalSelfPay, 2, [:], from: "2024-01-01", to: "2024-12-31", scope: Self.county),
                Self.version(.hospitalSelfPay, 3, [:], from: "2024-12-31", scope: Self.county),
            ])
        }
        let error = ScreeningRuleSetError.overlapping(.hospitalSelfPay, scope: Self.county, versions: [2, 3])
        #expect(error.message == "规则「住院自付超过阈值」第2、3版的适用范围（区划 512002000000）相同且生效期重叠，无法确定适用哪一版")
        #expect(throws: ScreeningRuleSetError.overlapping(.jobLoss, scope: nil, versions: [1, 2])) {
            try ScreeningRuleSet(versions: [
                Self.version(.jobLoss, 1, [:]), Self.version(.jobLoss, 2, [:], from: "2030-01-01"),
            ])
        }
    }

    @Test("adjacent periods and different scopes are accepted")
    func adjacent() throws {
        let set = try ScreeningRuleSet(versions: [
            Self.version(.hospitalSelfPay, 1, [:], to: "2024-12-31"),
            Self.version(.hospitalSelfPay, 2, [:], from: "2025-01-01"),
            Self.version(.hospitalSelfPay, 3, [:], from: "2024-06-01", scope: Self.county),
        ])
        #expect(set.versions.count == 3)
        #expect(throws: ScreeningRuleSetError.endsBeforeStart(.jobLoss, version: 4)) {
            try ScreeningRuleSet(versions: [Self.version(.jobLoss, 4, [:], from: "2025-01-02", to: "2025-01-01")])
        }
    }

    @Test("missing, out-of-range and unknown parameters are reported, not crashed on")
    func problems() throws {
        let set = try ScreeningRuleSet(versions: [
            Self.version(.hospitalSelfPay, 2, ["threshold": 2_000_000, "windowMonths": 12]),
            Self.version(.sharpIncomeDrop, 2, ["dropPercent": 130], scope: Self.county),
        ])
        #expect(
            set.problems.map(\.message) == [
                "规则「住院自付超过阈值」第2版（全国）：缺少参数「金额阈值（分）」（thresholdFen），该规则不会触发",
                "规则「住院自付超过阈值」第2版（全国）：参数 threshold 不是该规则使用的参数，已忽略",
                "规则「人均纯收入大幅下降」第2版（区划 512002000000）：参数「降幅（%）」为 130，应在 1 至 100 之间",
            ])
        let drop = Data.quiet { $0.perCapitaIncome = [2023: Data.yuan("20000"), 2024: Data.yuan("1000")] }
        #expect(ScreeningEngine.evaluate(drop, rules: set.versions, on: Data.today).isEmpty)
    }
}
