import Testing
import Domain

@Suite("Discovery code lists")
struct DiscoveryCodeListTests {
    private func labelsAreDistinctChinese<T: CodeList>(_ type: T.Type) -> Bool {
        let labels = T.allCases.map(\.label)
        let chinese = labels.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        return chinese && Set(labels).count == labels.count
    }

    @Test("every discovery list has distinct Chinese labels")
    func labels() {
        #expect(labelsAreDistinctChinese(LeadChannel.self))
        #expect(labelsAreDistinctChinese(LeadLevel.self))
        #expect(labelsAreDistinctChinese(LeadState.self))
        #expect(labelsAreDistinctChinese(LeadUrgency.self))
        #expect(labelsAreDistinctChinese(DepartmentEventKind.self))
        #expect(labelsAreDistinctChinese(ScreeningRuleKind.self))
        #expect(labelsAreDistinctChinese(ScreeningParameter.self))
    }

    @Test("the comparison sets are exactly property, vehicles, public payroll and business registration")
    func comparisonSets() {
        let comparison = DepartmentEventKind.allCases.filter(\.isComparison)
        #expect(comparison == [.propertyRecord, .vehicle, .publicPayroll, .businessRegistration])
        #expect(DepartmentEventKind.medicalSelfPay.department == .medicalInsurance)
        #expect(DepartmentEventKind.disability.department == .disabledFederation)
        #expect(DepartmentEventKind.enrolment.columns == [.idNumber, .name, .date, .level, .note])
    }

    @Test("every screening rule raises a risk type that is offered today")
    func riskTypes() {
        let offered = Set(RiskType.offered(on: day("2025-06-30")))
        #expect(ScreeningRuleKind.allCases.allSatisfy { offered.contains($0.riskType) })
        #expect(ScreeningRuleKind.hospitalSelfPay.parameterNames == [.thresholdFen, .windowMonths])
        #expect(ScreeningRuleKind.rigidSpendingAboveIncome.parameterNames.isEmpty)
    }

    @Test("department headings are read with or without the required mark and in either bracket width")
    func headings() {
        #expect(DepartmentEventColumn(heading: "身份证号*") == .idNumber)
        #expect(DepartmentEventColumn(heading: " 金额(元)＊") == .amount)
        #expect(DepartmentEventColumn(heading: "金额") == .amount)
        #expect(DepartmentEventColumn(heading: "level") == .level)
        #expect(DepartmentEventColumn(heading: "备注") == nil)
    }
}
