/// 收支项目: the fields of an income statement, named as on the collection form.
public enum IncomeField: String, CodeList {
    case wage
    case business
    case property
    case transfer
    case productionCosts
    case medicalSelfPay
    case schooling
    case disasterLoss
    case otherRigidSpending

    public var label: String {
        switch self {
        case .wage: "工资性收入"
        case .business: "生产经营性收入"
        case .property: "财产性收入"
        case .transfer: "转移性收入"
        case .productionCosts: "生产经营费用"
        case .medicalSelfPay: "医疗自付支出"
        case .schooling: "教育支出"
        case .disasterLoss: "灾害损失"
        case .otherRigidSpending: "其他刚性支出"
        }
    }
}

/// Why an income statement cannot be summarised; `message` names the field in Chinese.
public enum IncomeStatementError: Error, Hashable, Sendable, CustomStringConvertible {
    case negative(IncomeField, Money)
    case noMembers(Int)
    case tooLarge

    public var message: String {
        switch self {
        case .negative(let field, let amount): "\(field.label)不能为负数，实际为\(amount)元"
        case .noMembers(let count): "家庭人口数应大于0，实际为\(count)"
        case .tooLarge: "金额过大，无法核算"
        }
    }

    public var description: String { message }
}
