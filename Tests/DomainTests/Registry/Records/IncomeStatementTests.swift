import Testing
import Domain

@Suite("Income statement")
struct IncomeStatementTests {
    private let statement = IncomeStatement(
        wage: Money(yuan: 12_000), business: Money(yuan: 8_000), property: Money(yuan: 500),
        transfer: Money(yuan: 2_300), productionCosts: Money(yuan: 3_000),
        rigidSpending: RigidSpending(medicalSelfPay: Money(yuan: 9_000), schooling: Money(yuan: 4_000)),
        members: 3
    )

    @Test("net income is wage plus business net of costs plus property and transfer")
    func netIncome() throws {
        // act
        let summary = try statement.summarize(method: .monitoring2021)

        // check
        #expect(summary.netIncome == Money(yuan: 19_800))
        #expect(summary.perCapitaNetIncome == Money(yuan: 6_600))
        #expect(summary.rigidSpending == Money(yuan: 13_000))
        #expect(summary.incomeReference == summary.netIncome)
    }

    @Test("the 2026 unified method deducts rigid spending and stops at zero")
    func unifiedMethod() throws {
        let summary = try statement.summarize(method: .unifiedSocialAssistance2026)
        #expect(summary.incomeReference == Money(yuan: 6_800))
        #expect(summary.perCapitaIncomeReference == Money(fen: 226_667))
        #expect(summary.perCapitaNetIncome == Money(yuan: 6_600))

        var hardship = statement
        hardship.rigidSpending.disasterLoss = Money(yuan: 50_000)
        #expect(try hardship.summarize(method: .unifiedSocialAssistance2026).incomeReference == .zero)
    }

    @Test("business costs above income make net income negative")
    func businessLoss() throws {
        let loss = IncomeStatement(business: Money(yuan: 1_000), productionCosts: Money(yuan: 4_001), members: 2)
        let summary = try loss.summarize(method: .monitoring2021)
        #expect(summary.netIncome == Money(yuan: -3_001))
        #expect(summary.perCapitaNetIncome == Money(fen: -150_050))
    }

    @Test("negative amounts are refused with the field named in Chinese")
    func negativeAmounts() {
        var bad = statement
        bad.productionCosts = Money(fen: -10_000)
        #expect(throws: IncomeStatementError.negative(.productionCosts, Money(fen: -10_000))) {
            try bad.summarize(method: .monitoring2021)
        }
        #expect(
            IncomeStatementError.negative(.productionCosts, Money(fen: -10_000)).message == "生产经营费用不能为负数，实际为-100.00元")

        var badSpending = statement
        badSpending.rigidSpending.medicalSelfPay = Money(fen: -1)
        #expect(throws: IncomeStatementError.negative(.medicalSelfPay, Money(fen: -1))) {
            try badSpending.summarize(method: .unifiedSocialAssistance2026)
        }
    }

    @Test("a household needs at least one member, and overflow is an error")
    func invalidShape() {
        var empty = statement
        empty.members = 0
        #expect(throws: IncomeStatementError.noMembers(0)) { try empty.summarize(method: .monitoring2021) }
        #expect(IncomeStatementError.noMembers(0).message == "家庭人口数应大于0，实际为0")

        let huge = IncomeStatement(wage: Money(fen: .max), transfer: Money(fen: 1), members: 1)
        #expect(throws: IncomeStatementError.tooLarge) { try huge.summarize(method: .monitoring2021) }
    }
}
