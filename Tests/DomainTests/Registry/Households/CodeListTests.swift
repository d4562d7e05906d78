import Testing
import Domain

@Suite("Code lists")
struct CodeListTests {
    private func labelsAreDistinctChinese<T: CodeList>(_ type: T.Type) -> Bool {
        let labels = T.allCases.map(\.label)
        let chinese = labels.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        return chinese && Set(labels).count == labels.count
    }

    @Test("every list has distinct Chinese labels")
    func labels() {
        #expect(labelsAreDistinctChinese(Role.self))
        #expect(labelsAreDistinctChinese(Department.self))
        #expect(labelsAreDistinctChinese(AreaLevel.self))
        #expect(labelsAreDistinctChinese(HouseholdType.self))
        #expect(labelsAreDistinctChinese(SocialAssistanceStatus.self))
        #expect(labelsAreDistinctChinese(MonitoringCategory.self))
        #expect(labelsAreDistinctChinese(RiskType.self))
        #expect(labelsAreDistinctChinese(DisasterKind.self))
        #expect(labelsAreDistinctChinese(LabourCapacity.self))
        #expect(labelsAreDistinctChinese(HealthCondition.self))
        #expect(labelsAreDistinctChinese(Education.self))
        #expect(labelsAreDistinctChinese(SchoolStatus.self))
        #expect(labelsAreDistinctChinese(HousingSafetyGrade.self))
        #expect(labelsAreDistinctChinese(MeasureCategory.self))
        #expect(labelsAreDistinctChinese(EliminationMethod.self))
        #expect(labelsAreDistinctChinese(Sex.self))
        #expect(labelsAreDistinctChinese(RelationToHead.self))
        #expect(labelsAreDistinctChinese(CalendarDay.Kind.self))
        #expect(labelsAreDistinctChinese(DeadlineRule.Unit.self))
    }

    @Test("the 14 measure categories carry their code tables and four are developmental")
    func measureCategories() {
        #expect(MeasureCategory.allCases.count == 14)
        #expect(Set(MeasureCategory.allCases.map(\.codeTable)).count == 14)
        #expect(MeasureCategory.publicWelfareJob.codeTable == "100A42")
        #expect(MeasureCategory.infrastructure.codeTable == "100A55")
        #expect(
            Set(MeasureCategory.allCases.filter(\.isDevelopmental)) == [
                .industry, .employment, .finance, .publicWelfareJob,
            ])
    }

    @Test("risk types offered depend on the date of the record")
    func riskVintages() {
        let current = RiskType.offered(on: day("2025-06-01"))
        // The nine of 100A27, and 住房安全 and 饮水安全 that some provinces carry (POLICY §13.8).
        #expect(current.count == 11)
        #expect(!current.contains(.epidemic) && !current.contains(.lackOfSkills))
        #expect(RiskType.offered(on: day("2021-06-01")).contains(.epidemic))
        #expect(RiskType.offered(on: day("2019-06-01")).contains(.lackOfSkills))
        #expect(RiskType.naturalDisaster.requiresDisasterKind && !RiskType.illness.requiresDisasterKind)
        #expect(DisasterKind.allCases.count == 7)
    }

    @Test("monitoring categories follow the household type, except sudden hardship")
    func categories() {
        #expect(MonitoringCategory.unstableAlleviated.eligibleHouseholdTypes == [.povertyAlleviated])
        #expect(MonitoringCategory.marginal.eligibleHouseholdTypes == [.ordinary])
        #expect(MonitoringCategory.suddenHardship.eligibleHouseholdTypes.count == 2)
    }

    @Test("health selections: healthy stands alone, illnesses combine")
    func health() {
        #expect(HealthCondition.isValidSelection([.healthy]))
        #expect(HealthCondition.isValidSelection([.chronicIllness, .disability]))
        #expect(!HealthCondition.isValidSelection([.healthy, .disability]))
        #expect(!HealthCondition.isValidSelection([]))
    }

    @Test("labour, schooling and housing helpers")
    func helpers() {
        #expect(LabourCapacity.allCases.filter(\.isCapable) == [.ordinary, .skilled])
        #expect(LabourCapacity.allCases.filter(\.isWithoutLabour) == [.lost, .none])
        #expect(SchoolStatus.allCases.filter(\.isCompulsory) == [.primary, .juniorHigh])
        #expect(SchoolStatus.bachelor.isHigherEducation && !SchoolStatus.seniorHigh.isHigherEducation)
        #expect(HousingSafetyGrade.allCases.filter(\.isSafe) == [.a, .b])
        #expect(HousingSafetyGrade(rawValue: "C")?.label == "C级")
        #expect(Education.primary < Education.college)
    }

    @Test("area levels are ordered from province down, groups and grids share a depth")
    func areaLevels() {
        #expect(AreaLevel.allCases.sorted() == AreaLevel.allCases)
        #expect(AreaLevel.group.depth == AreaLevel.grid.depth)
        #expect(AreaLevel.county < AreaLevel.township)
        #expect(AreaLevel.localChildLevels(of: .village) == [.group, .grid])
        #expect(AreaLevel.localChildLevels(of: .county).isEmpty)
    }
}
