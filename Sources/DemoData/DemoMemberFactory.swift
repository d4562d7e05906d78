import Domain
import Foundation

extension DemoHouseholdFactory {
    /// One person's record, consistent with their age: schooling, health, labour capacity, work and insurance.
    static func member(
        _ person: (relation: RelationToHead, age: Int, sex: Sex), index: Int, surname: String,
        householdMinimumLiving: Bool,
        soleMember: Bool, asOf: CivilDate, region: String, random: inout SeededGenerator,
        issued: inout IssuedIdentityNumbers
    ) -> DemoMember? {
        let age = max(0, min(person.age, 99))
        let birthYear = asOf.year - age - (random.chance(0.5) ? 1 : 0)
        let month = Int.random(in: 1...12, using: &random)
        guard
            let birth = CivilDate(
                year: birthYear, month: month,
                day: Int.random(in: 1...CivilDate.daysInMonth(year: birthYear, month: month), using: &random)),
            birth <= asOf,
            let sequence = issued.claim(
                birth: birth, sex: person.sex, preferred: Int.random(in: 0..<500, using: &random)),
            let identity = try? IdentityNumber.make(region: region, birth: birth, sequence: sequence)
        else { return nil }
        let realAge = identity.age(on: asOf)
        let (education, school) = schooling(age: realAge, birthYear: birthYear, random: &random)
        let health = healthConditions(age: realAge, random: &random)
        let labour = labourCapacity(age: realAge, inSchool: school != nil, health: health, random: &random)
        let works = labour.isCapable && (18...59).contains(realAge) && random.chance(0.78)
        let place = works ? random.pick(["省外务工", "省外务工", "省内县外务工", "县内务工", "本村灵活就业"]) : nil
        let given = givenName(sex: person.sex, birthYear: birthYear, random: &random)
        let name =
            (person.relation == .spouse || person.relation == .mother || person.relation == .daughterInLaw)
            ? random.pick(DemoNames.surnames) + given : surname + given
        return DemoMember(
            id: random.uuid(), name: name, identityNumber: identity, relation: person.relation,
            education: education, schoolStatus: school, health: health,
            disabilityGrade: health.contains(.disability) ? Int.random(in: 1...4, using: &random) : nil,
            labour: labour, workPlace: place, workMonths: works ? Int.random(in: 6...12, using: &random) : nil,
            medicalInsured: random.chance(0.985), pensionInsured: realAge >= 16 && school == nil && random.chance(0.88),
            minimumLiving: householdMinimumLiving,
            extremePoverty: soleMember && realAge >= 60 && labour.isWithoutLabour && random.chance(0.5),
            publicWelfareJob: labour == .weakOrHalf && (40...70).contains(realAge) && random.chance(0.12)
        )
    }

    private static func givenName(sex: Sex, birthYear: Int, random: inout SeededGenerator) -> String {
        let pool: [String]
        switch (sex, birthYear >= 1985) {
        case (.male, false): pool = DemoNames.olderMale
        case (.female, false): pool = DemoNames.olderFemale
        case (.male, true): pool = DemoNames.youngerMale
        case (.female, true): pool = DemoNames.youngerFemale
        }
        return random.chance(0.35) ? random.pick(pool) : random.pick(pool) + random.pick(pool)
    }

    private static func schooling(age: Int, birthYear: Int, random: inout SeededGenerator) -> (Education, SchoolStatus?)
    {
        switch age {
        case ..<3: return (.illiterate, nil)
        case 3...5: return (.illiterate, .preschool)
        case 6...11: return (.primary, .primary)
        case 12...14: return (.juniorHigh, .juniorHigh)
        case 15...17:
            if random.chance(0.9) { return (.juniorHigh, random.chance(0.6) ? .seniorHigh : .secondaryVocational) }
            return (.juniorHigh, nil)
        case 18...21:
            if random.chance(0.45) { return (.seniorHigh, random.chance(0.5) ? .bachelor : .higherVocational) }
            return (random.chance(0.6) ? .seniorHigh : .juniorHigh, nil)
        default:
            let draw = Double.random(in: 0..<1, using: &random)
            if birthYear < 1960 { return (draw < 0.25 ? .illiterate : draw < 0.75 ? .primary : .juniorHigh, nil) }
            if birthYear < 1980 {
                return (
                    draw < 0.05 ? .illiterate : draw < 0.35 ? .primary : draw < 0.9 ? .juniorHigh : .seniorHigh, nil
                )
            }
            return (
                draw < 0.1
                    ? .primary
                    : draw < 0.5 ? .juniorHigh : draw < 0.78 ? .seniorHigh : draw < 0.92 ? .college : .bachelorOrAbove,
                nil
            )
        }
    }

    private static func healthConditions(age: Int, random: inout SeededGenerator) -> [HealthCondition] {
        var conditions: [HealthCondition] = []
        if random.chance(age >= 60 ? 0.3 : age >= 40 ? 0.1 : 0.02) { conditions.append(.chronicIllness) }
        if random.chance(age >= 50 ? 0.05 : 0.01) { conditions.append(.seriousIllness) }
        if random.chance(age >= 60 ? 0.07 : 0.025) { conditions.append(.disability) }
        return conditions.isEmpty ? [.healthy] : conditions
    }

    private static func labourCapacity(
        age: Int, inSchool: Bool, health: [HealthCondition], random: inout SeededGenerator
    ) -> LabourCapacity {
        if age < 16 || inSchool { return .none }
        if health.contains(.seriousIllness) { return random.chance(0.6) ? .lost : .weakOrHalf }
        if health.contains(.disability) { return random.chance(0.5) ? .lost : .weakOrHalf }
        if age >= 70 { return random.chance(0.7) ? .none : .weakOrHalf }
        if age >= 60 || health.contains(.chronicIllness) { return random.chance(0.6) ? .weakOrHalf : .ordinary }
        return random.chance(0.2) ? .skilled : .ordinary
    }
}
