import Domain
import Foundation

/// 演示数据 — a deterministic, plausible county registry for the demo and the tests: villages, groups and grids
/// under real townships, households and their members, and three years of income records.
///
/// The same seed always yields the same county, so screenshots, tests and benchmarks can refer to it.
public struct DemoPopulation: Sendable {
    public struct Township: Sendable {
        public let code: AreaCode
        public let name: String
        public init(code: AreaCode, name: String) { self.code = code; self.name = name }
    }

    public struct SubArea: Sendable {
        public let code: AreaCode
        public let name: String
    }

    public struct Village: Sendable {
        public let code: AreaCode
        public let name: String
        public let township: Township
        public let groups: [SubArea]
        public let grids: [SubArea]
        /// Relative size; households are shared out in proportion.
        let weight: Int
    }

    public let seed: UInt64
    public let villages: [Village]
    public let householdCount: Int
    /// The day the registry is as of; ages and the income years follow from it.
    public let asOf: CivilDate

    public init(seed: UInt64, townships: [Township], householdCount: Int, asOf: CivilDate) {
        self.seed = seed
        self.householdCount = householdCount
        self.asOf = asOf
        var random = SeededGenerator(seed: seed)
        villages = townships.flatMap { Self.makeVillages(in: $0, random: &random) }
    }

    private static func makeVillages(in township: Township, random: inout SeededGenerator) -> [Village] {
        // Sub-district offices (街道, township segment below 100) are mostly urban: a few fringe villages only.
        let isSubdistrict = (Int(township.code.scopePrefix.suffix(3)) ?? 0) < 100
        let count = isSubdistrict ? Int.random(in: 1...3, using: &random) : Int.random(in: 8...14, using: &random)
        var names = Set<String>()
        var villages: [Village] = []
        var existing: [String] = []
        while villages.count < count {
            let name = random.pick(DemoNames.villageFirst) + random.pick(DemoNames.villageSecond) + "村"
            guard names.insert(name).inserted,
                let code = AreaCode.nextChild(of: township.code, level: .village, existing: existing)
            else { continue }
            existing.append(code.value)
            let groupCount = Int.random(in: 4...9, using: &random)
            let groups = (0..<groupCount).compactMap { index -> SubArea? in
                guard let child = AreaCode(code.value + Self.threeDigits(index + 1)) else { return nil }
                return SubArea(code: child, name: DemoNames.chineseNumerals[index] + "组")
            }
            let gridCount = max(1, groupCount / 3)
            let grids = (0..<gridCount).compactMap { index -> SubArea? in
                guard let child = AreaCode(code.value + Self.threeDigits(501 + index)) else { return nil }
                return SubArea(code: child, name: "第\(index + 1)网格")
            }
            villages.append(
                Village(
                    code: code, name: name, township: township, groups: groups, grids: grids,
                    weight: isSubdistrict ? 1 : Int.random(in: 2...5, using: &random)))
        }
        return villages
    }

    static func threeDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// How many households each village gets: shares by weight, the rounding remainder to the first villages.
    public func householdsPerVillage() -> [Int] {
        let totalWeight = max(1, villages.map(\.weight).reduce(0, +))
        var counts = villages.map { householdCount * $0.weight / totalWeight }
        var remainder = householdCount - counts.reduce(0, +)
        var index = 0
        while remainder > 0, !counts.isEmpty {
            counts[index % counts.count] += 1
            remainder -= 1
            index += 1
        }
        return counts
    }

    /// The households of one village, generated on demand so a large county never sits in memory at once.
    /// `issued` carries the identity numbers already handed out, so no two people share one; call the villages
    /// in order with the same set to get the same county every time.
    public func households(ofVillageAt index: Int, count: Int, issued: inout IssuedIdentityNumbers) -> [DemoHousehold] {
        let village = villages[index]
        var random = SeededGenerator(seed: seed &+ UInt64(index + 1) &* 0x9E37_79B9)
        return (0..<count).map { serial in
            var factory = DemoHouseholdFactory(
                village: village, serial: serial + 1, asOf: asOf, countyRegion: String(village.code.value.prefix(6)))
            return factory.make(random: &random, issued: &issued)
        }
    }
}
