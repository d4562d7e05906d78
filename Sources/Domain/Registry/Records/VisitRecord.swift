import Foundation

/// 走访记录 — a visit by a grid worker, monitoring contact or cadre: what was seen, and whether a risk was found.
public struct VisitReport: Sendable, Hashable {
    public let visitedOn: CivilDate
    public let findings: String
    /// Risks the visitor reports from this visit (empty when none); they become leads for the village to check.
    public let risks: [RiskType]
    public let riskNote: String

    public static let earliestDate = CivilDate(year: 2020, month: 1, day: 1)

    /// Validates a visit as entered on the form, naming every problem.
    public static func make(
        visitedOn: CivilDate?, today: CivilDate, findings: String, risks: [RiskType], riskNote: String
    ) -> Result<VisitReport, FieldProblems> {
        var problems: [FieldProblem] = []
        let findings = findings.trimmingCharacters(in: .whitespacesAndNewlines),
            riskNote = riskNote.trimmingCharacters(in: .whitespacesAndNewlines)
        if let visitedOn {
            if visitedOn > today {
                problems.append(.init(field: "visited_on", message: "走访日期 \(visitedOn) 晚于今天，不能预先登记。"))
            }
            if let earliest = earliestDate, visitedOn < earliest {
                problems.append(.init(field: "visited_on", message: "走访日期 \(visitedOn) 过早，请核对。"))
            }
        } else {
            problems.append(.init(field: "visited_on", message: "请填写走访日期（YYYY-MM-DD）。"))
        }
        if findings.isEmpty { problems.append(.init(field: "findings", message: "请填写走访所见情况。")) }
        if findings.count > 1_000 {
            problems.append(.init(field: "findings", message: "走访情况不能超过 1000 字（现为 \(findings.count) 字）。"))
        }
        if !risks.isEmpty, riskNote.isEmpty { problems.append(.init(field: "risk_note", message: "报告风险时请说明具体情况。")) }
        if risks.isEmpty, !riskNote.isEmpty { problems.append(.init(field: "risks", message: "填写了风险说明，请同时勾选风险类型。")) }
        if riskNote.count > 500 { problems.append(.init(field: "risk_note", message: "风险说明不能超过 500 字。")) }
        if let date = visitedOn {
            for risk in risks where !risk.validity.contains(date) {
                problems.append(.init(field: "risks", message: "风险类型「\(risk.label)」在 \(date) 已不再使用。"))
            }
        }
        guard problems.isEmpty, let visitedOn else { return .failure(FieldProblems(problems: problems)) }
        return .success(VisitReport(visitedOn: visitedOn, findings: findings, risks: risks, riskNote: riskNote))
    }
}
