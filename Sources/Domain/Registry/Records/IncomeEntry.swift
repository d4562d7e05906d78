import Foundation

/// 收支登记 — a year of income and spending as typed on a form or read from a file: amounts in yuan as text,
/// checked field by field before any figure is computed.
public struct IncomeEntry: Sendable, Hashable {
    public let year: Int
    public let statement: IncomeStatement
    public let summary: IncomeSummary

    /// Parses and checks an entry; every problem names its field (the `IncomeField` raw value, or `year`).
    public static func make(
        year rawYear: String, amounts: [IncomeField: String], members: Int, today: CivilDate,
        method: IncomeAccountingMethod = .monitoring2021
    ) -> Result<IncomeEntry, FieldProblems> {
        var problems: [FieldProblem] = []
        let yearText = rawYear.trimmingCharacters(in: .whitespaces)
        let year = Int(yearText)
        if let year {
            if year > today.year { problems.append(.init(field: "year", message: "年度 \(year) 晚于今年，不能登记未来的收支。")) }
            if year < 2014 { problems.append(.init(field: "year", message: "年度 \(year) 过早（最早 2014 年）。")) }
        } else {
            problems.append(.init(field: "year", message: "年度「\(yearText)」不是有效年份。"))
        }
        var money: [IncomeField: Money] = [:]
        for field in IncomeField.allCases {
            let text = (amounts[field] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: ",", with: "")
            if text.isEmpty { money[field] = .zero; continue }
            guard let amount = Money(parsing: text) else {
                problems.append(.init(field: field.rawValue, message: "\(field.label)「\(text)」不是有效金额（元，最多两位小数）。"))
                continue
            }
            if amount.fen < 0 {
                problems.append(.init(field: field.rawValue, message: "\(field.label)不能为负数，实际为 \(amount) 元。"))
            }
            money[field] = amount
        }
        if members < 1 { problems.append(.init(field: "members", message: "该户没有在册成员，无法计算人均纯收入。")) }
        guard problems.isEmpty, let year else { return .failure(FieldProblems(problems: problems)) }
        let statement = IncomeStatement(
            wage: money[.wage] ?? .zero, business: money[.business] ?? .zero, property: money[.property] ?? .zero,
            transfer: money[.transfer] ?? .zero, productionCosts: money[.productionCosts] ?? .zero,
            rigidSpending: RigidSpending(
                medicalSelfPay: money[.medicalSelfPay] ?? .zero, schooling: money[.schooling] ?? .zero,
                disasterLoss: money[.disasterLoss] ?? .zero, other: money[.otherRigidSpending] ?? .zero
            ),
            members: members
        )
        do {
            let summary = try statement.summarize(method: method)
            return .success(IncomeEntry(year: year, statement: statement, summary: summary))
        } catch {
            return .failure(FieldProblems(problems: [.init(field: "wage", message: error.message)]))
        }
    }
}
