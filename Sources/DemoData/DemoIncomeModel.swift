import Domain
import Foundation

/// Plausible yearly income and spending for a generated household: migrant and local wages, farming with its
/// costs, small property income, pensions and allowances, and the medical and schooling costs that strain it.
enum DemoIncomeModel {
    static func years(
        for members: [DemoMember], alleviated: Bool, asOf: CivilDate, random: inout SeededGenerator
    ) -> [DemoIncome] {
        guard !members.isEmpty else { return [] }
        let lastYear = asOf.year - 1
        var trend = Double.random(in: 0.97...1.08, using: &random)
        // One household in twenty-five has a bad year: an illness or a lost job.
        let shockYear = random.chance(0.04) ? lastYear - Int.random(in: 0...1, using: &random) : nil
        let farms = random.chance(alleviated ? 0.8 : 0.6)
        // Each source has a level of its own that drifts a little from year to year, as real household incomes do.
        let monthlyWages = members.map { member -> Int64 in
            guard let place = member.workPlace else { return 0 }
            return place.hasPrefix("省外")
                ? Int64.random(in: 4_200...7_500, using: &random) : Int64.random(in: 2_600...4_800, using: &random)
        }
        let businessLevel: Int64 = farms ? Int64.random(in: 3_000...18_000, using: &random) * 100 : 0
        let costShare = Int64.random(in: 30...55, using: &random)
        let propertyLevel: Int64 = random.chance(0.4) ? Int64.random(in: 200...2_500, using: &random) * 100 : 0
        // Grown children living elsewhere support their parents (赡养费).
        let supportsParents = members.contains(where: { $0.relation == .head && $0.identityNumber.age(on: asOf) >= 58 })
        let supportLevel: Int64 = supportsParents ? Int64.random(in: 2_000...9_000, using: &random) * 100 : 0
        return (lastYear - 2...lastYear).compactMap { year in
            trend *= Double.random(in: 0.98...1.06, using: &random)
            let shocked = year == shockYear
            var wage: Int64 = 0
            for (member, monthly) in zip(members, monthlyWages) {
                guard let months = member.workMonths, monthly > 0 else { continue }
                wage += monthly * Int64(shocked ? months / 3 : months) * 100
            }
            let wobble = { (value: Int64, random: inout SeededGenerator) in
                Int64(Double(value) * Double.random(in: 0.93...1.07, using: &random))
            }
            let business = wobble(businessLevel, &random)
            let costs = business * costShare / 100
            let property = wobble(propertyLevel, &random)
            var transfer: Int64 = Int64.random(in: 300...1_500, using: &random) * 100 + wobble(supportLevel, &random)
            for member in members {
                if member.identityNumber.age(on: asOf) >= 60 {
                    transfer += Int64.random(in: 1_400...2_600, using: &random) * 100
                }
                if member.minimumLiving { transfer += Int64.random(in: 4_200...5_400, using: &random) * 100 }
                if member.extremePoverty { transfer += Int64.random(in: 9_000...11_000, using: &random) * 100 }
            }
            var medical: Int64 = 0, schooling: Int64 = 0
            for member in members {
                if member.health.contains(.seriousIllness) {
                    medical += Int64.random(in: 8_000...(shocked ? 90_000 : 40_000), using: &random) * 100
                } else if member.health.contains(.chronicIllness) {
                    medical += Int64.random(in: 500...4_000, using: &random) * 100
                }
                if member.schoolStatus?.isHigherEducation == true {
                    schooling += Int64.random(in: 8_000...16_000, using: &random) * 100
                }
            }
            let scale = { (value: Int64) in Int64(Double(value) * trend) }
            let statement = IncomeStatement(
                wage: Money(fen: scale(wage)), business: Money(fen: scale(business)), property: Money(fen: property),
                transfer: Money(fen: transfer), productionCosts: Money(fen: scale(costs)),
                rigidSpending: RigidSpending(medicalSelfPay: Money(fen: medical), schooling: Money(fen: schooling)),
                members: members.count
            )
            guard let summary = try? statement.summarize(method: .monitoring2021) else { return nil }
            return DemoIncome(year: year, statement: statement, summary: summary)
        }
    }
}
