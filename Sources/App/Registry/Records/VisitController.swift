import Domain
import Fluent
import Vapor

/// 走访登记: the grid worker's and monitoring contact's visit, with a risk reported in the same form.
struct VisitController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .recordVisit)
        return .html(page(user: user, household: household, values: ["visited_on": request.today.description], risks: [], problems: [], today: request.today).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .recordVisit)
        let values = ["visited_on": request.formText("visited_on"), "findings": request.formText("findings"), "risk_note": request.formText("risk_note")]
        let rawRisks = request.checkedValues("risks")
        let visit: Visit
        do {
            visit = try await Self.record(visitedOn: values["visited_on"] ?? "", findings: values["findings"] ?? "", risks: rawRisks,
                                      riskNote: values["risk_note"] ?? "", household: household, user: user, on: request)
        } catch let failure as ValidationFailure {
            return .html(page(user: user, household: household, values: values, risks: Set(rawRisks), problems: failure.problems, today: request.today).render(), status: .unprocessableEntity)
        }
        let risks = visit.risks.split(separator: ",").count
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path + "?saved=visit&leads=\(risks)")
    }

    /// Checks and records a visit, with the risks it reports.
    static func record(visitedOn: String, findings: String, risks rawRisks: [String], riskNote: String,
                       household: Household, user: CurrentUser, on request: Request) async throws -> Visit {
        let risks = rawRisks.compactMap(RiskType.init(rawValue:))
        if risks.count != rawRisks.count {
            throw ValidationFailure(problems: [.init(field: "risks", message: "风险类型「\(rawRisks.filter { RiskType(rawValue: $0) == nil }.joined(separator: "、"))」不在代码表中。")])
        }
        let report: VisitReport
        switch VisitReport.make(visitedOn: CivilDate(visitedOn.trimmingCharacters(in: .whitespaces)), today: request.today, findings: findings, risks: risks, riskNote: riskNote) {
        case let .failure(failure): throw ValidationFailure(problems: failure.problems)
        case let .success(success): report = success
        }
        let householdID = try household.requireID()
        let visit = Visit()
        visit.$household.id = householdID
        visit.visitorID = user.id
        visit.visitorName = user.displayName
        visit.visitorRole = user.role.rawValue
        visit.visitedOn = report.visitedOn.description
        visit.findings = report.findings
        visit.risks = report.risks.map(\.rawValue).joined(separator: ",")
        visit.riskNote = report.riskNote
        let now = request.now, calendar = request.application.workingDayCalendar
        try await request.db.transaction { database in
            try await visit.create(on: database)
            // A risk seen on a visit is a lead at once (grid and cadre channel), merged with any open lead on that risk.
            let visitID = try visit.requireID()
            let signals = report.risks.map { risk in
                LeadSignal(householdID: householdID, villageCode: household.villageCode, riskType: risk,
                           channel: user.role == .grid ? .gridVisit : .cadreVisit, reference: "visit:\(visitID.uuidString.lowercased())",
                           ruleKind: nil, ruleVersion: nil, values: ["走访日期": report.visitedOn.description],
                           message: report.riskNote, reporter: "\(user.displayName)走访",
                           fingerprint: LeadIntake.fingerprint("visit", visitID.uuidString, risk.rawValue))
            }
            _ = try await LeadIntake.receive(signals, at: now, policies: try await LeadPolicies.table(on: database), calendar: calendar, on: database)
            let riskText = report.risks.isEmpty ? "" : "，报告风险：" + report.risks.map(\.label).joined(separator: "、")
            try await AuditLog.record(
                .create, entityType: Household.auditEntityType, entityID: householdID.uuidString, areaCode: household.villageCode,
                summary: "登记走访（\(report.visitedOn)）\(riskText)",
                after: ["visited_on": visit.visitedOn, "findings": visit.findings, "risks": visit.risks, "risk_note": visit.riskNote],
                actor: request.auditActor, at: request.now, on: database
            )
        }
        return visit
    }

    private func page(user: CurrentUser, household: Household, values: [String: String], risks: Set<String>, problems: [FieldProblem], today: CivilDate) -> FormPage {
        FormPage(
            title: "登记走访 · \(household.headName) 户", pageID: "visit-form", user: user,
            action: SiteRoute.visits.path(household.id ?? UUID()),
            fields: [
                FormField(name: "visited_on", label: "走访日期", kind: .date, value: values["visited_on"] ?? "", required: true),
                FormField(name: "findings", label: "走访所见", kind: .textarea, value: values["findings"] ?? "", hint: "家中人员、收入、住房、就医、上学等情况。", required: true),
                FormField(name: "risks", label: "发现风险（可多选，没有则不选）", kind: .checkboxes(RiskType.offered(on: today).map { ($0.rawValue, $0.label) }), selected: risks),
                FormField(name: "risk_note", label: "风险说明", kind: .textarea, value: values["risk_note"] ?? "", hint: "报告风险时必填：发生了什么、何时、涉及哪位成员。"),
            ],
            problems: problems,
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
    }
}
