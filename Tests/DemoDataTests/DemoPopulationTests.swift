@testable import DemoData
import Domain
import Testing

@Suite("The demo population is deterministic and plausible")
struct DemoPopulationTests {
    private func population(seed: UInt64 = 7, households: Int = 2_000) throws -> (DemoPopulation, [DemoHousehold]) {
        let townships = try ["512002100000", "512002110000", "512002001000"].enumerated().map { index, code in
            DemoPopulation.Township(code: try #require(AreaCode(code)), name: "乡镇\(index)")
        }
        let asOf = try #require(CivilDate(year: 2026, month: 6, day: 30))
        let population = DemoPopulation(seed: seed, townships: townships, householdCount: households, asOf: asOf)
        var issued = IssuedIdentityNumbers()
        let counts = population.householdsPerVillage()
        let households = population.villages.indices.flatMap {
            population.households(ofVillageAt: $0, count: counts[$0], issued: &issued)
        }
        return (population, households)
    }

    @Test("the same seed gives the same county")
    func deterministic() throws {
        let (_, first) = try population()
        let (_, second) = try population()
        #expect(first.map(\.number) == second.map(\.number))
        #expect(
            first.flatMap(\.members).map(\.identityNumber.value)
                == second.flatMap(\.members).map(\.identityNumber.value))
        let (_, other) = try population(seed: 8)
        #expect(first.flatMap(\.members).map(\.name) != other.flatMap(\.members).map(\.name))
    }

    @Test("every household has one head, every identity number is valid and unique, and people are where they belong")
    func consistent() throws {
        let (population, households) = try population()
        let today = try #require(CivilDate(year: 2026, month: 6, day: 30))
        #expect(households.count == 2_000)
        #expect(Set(households.map(\.number)).count == households.count)
        let numbers = households.flatMap(\.members).map(\.identityNumber.value)
        #expect(Set(numbers).count == numbers.count)
        for household in households {
            #expect(household.members.filter { $0.relation == .head }.count == 1)
            #expect(household.members.filter { $0.relation == .spouse }.count <= 1)
            #expect(household.number.hasPrefix(household.villageCode.value))
            if let group = household.groupCode { #expect(household.villageCode.contains(group)) }
        }
        for member in households.flatMap(\.members) {
            guard case .success = IdentityNumber.validate(member.identityNumber.value, today: today) else {
                Issue.record("invalid identity number \(member.identityNumber.value)")
                continue
            }
            let age = member.identityNumber.age(on: today)
            if (16...59).contains(age), member.health == [.healthy], member.schoolStatus == nil {
                #expect(member.labour.isCapable, "a healthy adult not in school is able to work")
            }
        }
        #expect(population.villages.allSatisfy { !$0.groups.isEmpty && !$0.grids.isEmpty })
    }

    @Test(
        "the make-up is plausible: about three people a household, a minority lifted out of poverty, incomes around the line"
    )
    func plausible() throws {
        let (_, households) = try population()
        let people = Double(households.flatMap(\.members).count) / Double(households.count)
        #expect((2.5...3.6).contains(people))
        let alleviated = Double(households.filter { $0.type == .povertyAlleviated }.count) / Double(households.count)
        #expect((0.12...0.25).contains(alleviated))
        let incomes = households.compactMap { $0.incomes.last?.summary.perCapitaNetIncome.fen }.sorted()
        let median = incomes[incomes.count / 2]
        #expect((12_000_00...30_000_00).contains(median))
        let belowLine = Double(incomes.filter { $0 < 8_000_00 }.count) / Double(incomes.count)
        #expect((0.03...0.35).contains(belowLine))
    }
}
