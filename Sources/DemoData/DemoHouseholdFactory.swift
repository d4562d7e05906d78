import Domain
import Foundation

/// Builds one household: who lives there, their health, schooling and work, and what the household earns.
struct DemoHouseholdFactory {
    let village: DemoPopulation.Village
    let serial: Int
    let asOf: CivilDate
    let countyRegion: String

    private struct Person {
        var relation: RelationToHead
        var age: Int
        var sex: Sex
    }

    mutating func make(random: inout SeededGenerator, issued: inout IssuedIdentityNumbers) -> DemoHousehold {
        let groupIndex = village.groups.isEmpty ? nil : Int.random(in: 0..<village.groups.count, using: &random)
        let group = groupIndex.map { village.groups[$0] }
        // A grid covers a run of neighbouring groups.
        let grid = groupIndex.flatMap { index in
            village.grids.isEmpty
                ? nil : village.grids[min(village.grids.count - 1, index * village.grids.count / village.groups.count)]
        }
        let surname =
            random.chance(0.5)
            ? random.pick(Array(DemoNames.surnames.prefix(DemoNames.commonSurnameCount)))
            : random.pick(DemoNames.surnames)
        let people = Self.composition(random: &random)
        let householdMinimumLiving = random.chance(0.05)
        var members: [DemoMember] = []
        for (index, person) in people.enumerated() {
            guard
                let member = Self.member(
                    (person.relation, person.age, person.sex), index: index, surname: surname,
                    householdMinimumLiving: householdMinimumLiving,
                    soleMember: people.count == 1, asOf: asOf, region: countyRegion,
                    random: &random, issued: &issued)
            else { continue }
            members.append(member)
        }
        let alleviated = random.chance(0.18)
        let incomes = DemoIncomeModel.years(for: members, alleviated: alleviated, asOf: asOf, random: &random)
        let latest = incomes.last?.summary.perCapitaNetIncome.fen ?? 0
        let status: HouseholdMonitoringStatus
        if latest < 8_000_00, random.chance(0.25) {
            status = .monitored
        } else if random.chance(0.02) {
            status = .eliminatedObserving
        } else if random.chance(0.02) {
            status = .eliminated
        } else {
            status = .notMonitored
        }
        let number = village.code.value + String(format: "%04d", serial)
        return DemoHousehold(
            id: random.uuid(), number: number, villageCode: village.code, groupCode: group?.code, gridCode: grid?.code,
            type: alleviated ? .povertyAlleviated : .ordinary,
            alleviatedYear: alleviated ? Int.random(in: 2014...2020, using: &random) : nil,
            status: status,
            phone: "1" + random.pick(["38", "39", "58", "59", "87", "88", "36", "77", "99", "80"])
                + String(format: "%08d", Int.random(in: 0...99_999_999, using: &random)),
            bankAccount: "6217"
                + String(
                    format: "%07d%08d", Int.random(in: 0...9_999_999, using: &random),
                    Int.random(in: 0...99_999_999, using: &random)),
            address:
                "\(village.township.name)\(village.name)\(group?.name ?? "")\(Int.random(in: 1...199, using: &random))号",
            members: members, incomes: incomes,
            guarantees: Self.guarantees(asOf: asOf, random: &random)
        )
    }

    /// Assessed at the last annual check: most guarantees hold; a few dwellings are C or D and a few water supplies fail one criterion.
    private static func guarantees(asOf: CivilDate, random: inout SeededGenerator) -> [GuaranteeAssessment] {
        let day = asOf.adding(days: -Int.random(in: 30...200, using: &random))
        let draw = Double.random(in: 0..<1, using: &random)
        let grade: HousingSafetyGrade = draw < 0.7 ? .a : draw < 0.994 ? .b : draw < 0.999 ? .c : .d
        let water = WaterCriteria(
            enoughQuantity: random.chance(0.998), qualityTested: random.chance(0.995), convenient: random.chance(0.998),
            reliable: random.chance(0.997))
        let entries: [(GuaranteeKind, Bool?, HousingSafetyGrade?, WaterCriteria?)] = [
            (.compulsoryEducation, random.chance(0.995), nil, nil), (.basicMedical, random.chance(0.99), nil, nil),
            (.housingSafety, nil, grade, nil), (.drinkingWater, nil, nil, water),
        ]
        return entries.compactMap { kind, judged, grade, water in
            try? GuaranteeAssessment.make(
                kind: kind, assessedOn: day, today: asOf, securedByJudgement: judged, housingGrade: grade, water: water,
                note: ""
            ).get()
        }
    }

    /// Who lives together: a head, usually a spouse, children, sometimes the head's parents or grandchildren.
    private static func composition(random: inout SeededGenerator) -> [Person] {
        let headAge =
            Int.random(in: 0..<100, using: &random) < 70
            ? Int.random(in: 45...75, using: &random) : Int.random(in: 28...88, using: &random)
        let headSex: Sex = random.chance(0.85) ? .male : .female
        var people = [Person(relation: .head, age: headAge, sex: headSex)]
        let alone = headAge > 65 && random.chance(0.25)
        if !alone, random.chance(0.82) {
            people.append(
                Person(
                    relation: .spouse, age: max(20, headAge + Int.random(in: -5...3, using: &random)),
                    sex: headSex == .male ? .female : .male))
        }
        guard !alone else { return people }
        let childCount = headAge < 35 ? Int.random(in: 0...2, using: &random) : Int.random(in: 0...3, using: &random)
        var sonAtHome = false
        for _ in 0..<childCount {
            let age = headAge - Int.random(in: 22...34, using: &random)
            guard age >= 0 else { continue }
            let son = random.chance(0.52)
            // Grown children mostly have households of their own.
            if age > 28, random.chance(0.7) { continue }
            if son, age > 22 { sonAtHome = true }
            people.append(Person(relation: son ? .son : .daughter, age: age, sex: son ? .male : .female))
        }
        if sonAtHome, random.chance(0.6) {
            people.append(
                Person(relation: .daughterInLaw, age: headAge - Int.random(in: 24...30, using: &random), sex: .female))
        }
        if headAge >= 52, random.chance(sonAtHome ? 0.7 : 0.25) {
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let grandson = random.chance(0.5)
                people.append(
                    Person(
                        relation: grandson ? .grandson : .granddaughter,
                        age: Int.random(in: 0...(max(0, headAge - 50)), using: &random), sex: grandson ? .male : .female
                    ))
            }
        }
        if headAge < 48, random.chance(0.3) {
            people.append(
                Person(
                    relation: random.chance(0.5) ? .father : .mother,
                    age: headAge + Int.random(in: 22...32, using: &random), sex: .male))
            if let last = people.last, last.relation == .mother { people[people.count - 1].sex = .female }
        }
        return Array(people.prefix(7))
    }
}

extension SeededGenerator {
    /// A version-4 UUID drawn from this generator, so demo ids are stable for a seed.
    mutating func uuid() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &self) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
