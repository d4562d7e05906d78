import Domain
import Fluent
import Vapor

/// 线索登记: a hotline operator's or cadre's entry of a household's request or a report from social supervision.
struct LeadEntryController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .reportRisks)
        return .html(
            page(
                user: user, household: household, values: ["channel": LeadChannel.hotline.rawValue], problems: [],
                today: request.today
            ).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .reportRisks)
        let values = [
            "channel": request.formText("channel"), "risk": request.formText("risk"),
            "description": request.formText("description"),
            "reporter": request.formText("reporter"),
        ]
        do {
            _ = try await LeadEntryService.file(
                channel: values["channel"] ?? "", risk: values["risk"] ?? "", description: values["description"] ?? "",
                reporter: values["reporter"] ?? "", household: household, user: user, actor: request.auditActor,
                at: request.now, calendar: request.application.workingDayCalendar, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                page(user: user, household: household, values: values, problems: failure.problems, today: request.today)
                    .render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }

    private func page(
        user: CurrentUser, household: Household, values: [String: String], problems: [FieldProblem], today: CivilDate
    ) -> FormPage {
        FormPage(
            title: "登记风险线索 · \(household.headName) 户", pageID: "lead-form", user: user,
            action: SiteRoute.householdLeads.path(household.id ?? UUID()),
            fields: [
                FormField(
                    name: "channel", label: "渠道",
                    kind: .select(LeadEntryService.channels.map { ($0.rawValue, $0.label) }),
                    value: values["channel"] ?? "", required: true),
                FormField(
                    name: "risk", label: "风险类型",
                    kind: .select([("", "请选择")] + RiskType.offered(on: today).map { ($0.rawValue, $0.label) }),
                    value: values["risk"] ?? "", required: true),
                FormField(
                    name: "description", label: "反映的情况", kind: .textarea, value: values["description"] ?? "",
                    required: true),
                FormField(
                    name: "reporter", label: "反映人", value: values["reporter"] ?? "", hint: "农户本人、亲属、人大代表、媒体等；留空视为农户本人。"),
            ],
            problems: problems, intro: "自主申报、热线来电和社会监督线索即时受理，村级须在 24 小时内核实。",
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
    }
}
