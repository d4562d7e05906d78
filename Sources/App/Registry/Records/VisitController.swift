import Domain
import Fluent
import Vapor

/// 走访登记: the grid worker's and monitoring contact's visit, with a risk reported in the same form.
struct VisitController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .reportRisks)
        return .html(
            page(
                user: user, household: household, values: ["visited_on": request.today.description], risks: [],
                problems: [], today: request.today
            ).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .reportRisks)
        let values = [
            "visited_on": request.formText("visited_on"), "findings": request.formText("findings"),
            "risk_note": request.formText("risk_note"),
        ]
        let rawRisks = request.checkedValues("risks")
        let visit: Visit
        do {
            visit = try await RegistryRecordService.recordVisit(
                visitedOn: values["visited_on"] ?? "", findings: values["findings"] ?? "", risks: rawRisks,
                riskNote: values["risk_note"] ?? "",
                household: household, user: user, today: request.today, actor: request.auditActor, at: request.now,
                calendar: request.application.workingDayCalendar, on: request.db
            )
        } catch let failure as ValidationFailure {
            return .html(
                page(
                    user: user, household: household, values: values, risks: Set(rawRisks), problems: failure.problems,
                    today: request.today
                ).render(), status: .unprocessableEntity)
        }
        let risks = visit.risks.split(separator: ",").count
        return request.redirect(
            to: SiteURL.household(id: try household.requireID()).path + "?saved=visit&leads=\(risks)")
    }

    private func page(
        user: CurrentUser, household: Household, values: [String: String], risks: Set<String>, problems: [FieldProblem],
        today: CivilDate
    ) -> FormPage {
        FormPage(
            title: "登记走访 · \(household.headName) 户", pageID: "visit-form", user: user,
            action: SiteRoute.visits.path(household.id ?? UUID()),
            fields: [
                FormField(
                    name: "visited_on", label: "走访日期", kind: .date, value: values["visited_on"] ?? "", required: true),
                FormField(
                    name: "findings", label: "走访所见", kind: .textarea, value: values["findings"] ?? "",
                    hint: "家中人员、收入、住房、就医、上学等情况。", required: true),
                FormField(
                    name: "risks", label: "发现风险（可多选，没有则不选）",
                    kind: .checkboxes(RiskType.offered(on: today).map { ($0.rawValue, $0.label) }), selected: risks),
                FormField(
                    name: "risk_note", label: "风险说明", kind: .textarea, value: values["risk_note"] ?? "",
                    hint: "报告风险时必填：发生了什么、何时、涉及哪位成员。"),
            ],
            problems: problems,
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
    }
}
