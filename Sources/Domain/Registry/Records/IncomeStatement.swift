/// 家庭收支: a household's income and spending over the accounting window (the 12 months before identification
/// starts), the input of every income rule.
public struct IncomeStatement: Sendable, Hashable, Codable {
    /// 工资性收入
    public var wage: Money
    /// 生产经营性收入, before costs.
    public var business: Money
    /// 财产性收入
    public var property: Money
    /// 转移性收入
    public var transfer: Money
    /// 生产经营费用
    public var productionCosts: Money
    public var rigidSpending: RigidSpending
    /// 家庭人口: members who live together and share income and spending.
    public var members: Int

    public init(
        wage: Money = .zero, business: Money = .zero, property: Money = .zero, transfer: Money = .zero,
        productionCosts: Money = .zero, rigidSpending: RigidSpending = RigidSpending(), members: Int
    ) {
        self.wage = wage
        self.business = business
        self.property = property
        self.transfer = transfer
        self.productionCosts = productionCosts
        self.rigidSpending = rigidSpending
        self.members = members
    }

    /// Net income = wage + (business − costs) + property + transfer; per capita = net ÷ members, to the fen.
    /// Every amount is entered as a non-negative figure; a business loss shows as costs above business income.
    public func summarize(method: IncomeAccountingMethod) throws(IncomeStatementError) -> IncomeSummary {
        let amounts: [(IncomeField, Money)] = [
            (.wage, wage), (.business, business), (.property, property), (.transfer, transfer),
            (.productionCosts, productionCosts), (.medicalSelfPay, rigidSpending.medicalSelfPay),
            (.schooling, rigidSpending.schooling), (.disasterLoss, rigidSpending.disasterLoss),
            (.otherRigidSpending, rigidSpending.other),
        ]
        if let (field, amount) = amounts.first(where: { $0.1.fen < 0 }) {
            throw .negative(field, amount)
        }
        guard members > 0 else { throw .noMembers(members) }
        let net = try Self.sum([wage.fen, business.fen, -productionCosts.fen, property.fen, transfer.fen])
        let rigid = try Self.sum(amounts.suffix(4).map(\.1.fen))
        let reference =
            switch method {
            case .monitoring2021: net
            case .unifiedSocialAssistance2026: max(0, try Self.sum([net, -rigid]))
            }
        return IncomeSummary(
            method: method,
            netIncome: Money(fen: net),
            perCapitaNetIncome: Money(fen: net).divided(by: members) ?? .zero,
            rigidSpending: Money(fen: rigid),
            incomeReference: Money(fen: reference),
            perCapitaIncomeReference: Money(fen: reference).divided(by: members) ?? .zero
        )
    }

    /// Adds without trapping: absurd figures from an import become an error, not a crash.
    private static func sum(_ values: [Int64]) throws(IncomeStatementError) -> Int64 {
        var total: Int64 = 0
        for value in values {
            let (result, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw .tooLarge }
            total = result
        }
        return total
    }
}

/// 刚性支出: essential spending that can push a household into hardship whatever its income.
public struct RigidSpending: Sendable, Hashable, Codable {
    /// 医疗自付: medical costs left after insurance and aid.
    public var medicalSelfPay: Money
    /// 教育支出
    public var schooling: Money
    /// 灾害损失
    public var disasterLoss: Money
    /// 其他刚性支出
    public var other: Money

    public init(
        medicalSelfPay: Money = .zero, schooling: Money = .zero, disasterLoss: Money = .zero, other: Money = .zero
    ) {
        self.medicalSelfPay = medicalSelfPay
        self.schooling = schooling
        self.disasterLoss = disasterLoss
        self.other = other
    }
}

/// 收支核算结果
public struct IncomeSummary: Sendable, Hashable, Codable {
    public let method: IncomeAccountingMethod
    /// 家庭纯收入; negative when business costs exceed all income.
    public let netIncome: Money
    /// 人均纯收入
    public let perCapitaNetIncome: Money
    public let rigidSpending: Money
    /// 纳入参考收入: what is compared with the monitoring line under `method`.
    public let incomeReference: Money
    public let perCapitaIncomeReference: Money
}
