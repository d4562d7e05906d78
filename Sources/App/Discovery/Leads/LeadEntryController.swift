import Domain
import Fluent
import Vapor

/// 线索登记: a hotline operator's or cadre's entry of a household's request or a report from social supervision.
struct LeadEntryController {
    static let channels: [LeadChannel] = [.selfReport, .hotline, .cadreVisit, .socialSupervision]

    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .recordVisit)
        return .html(
            page(
                user: user, household: household, values: ["channel": LeadChannel.hotline.rawValue], problems: [],
                today: request.today
            ).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .recordVisit)
        let values = [
            "channel": request.formText("channel"), "risk": request.formText("risk"),
            "description": request.formText("description"),
            "reporter": request.formText("reporter"),
        ]
        do {
            _ = try await Self.file(
                channel: values["channel"] ?? "", risk: values["risk"] ?? "", description: values["description"] ?? "",
                reporter: values["reporter"] ?? "", household: household, user: user, on: request)
        } catch let failure as ValidationFailure {
            return .html(
                page(user: user, household: household, values: values, problems: failure.problems, today: request.today)
                    .render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }

    /// Checks and files a manually entered signal as a lead source.
    static func file(
        channel rawChannel: String, risk rawRisk: String, description: String, reporter: String,
        household: Household, user: CurrentUser, on request: Request
    ) async throws -> LeadIntake.Outcome {
        var problems: [FieldProblem] = []
        let channel = LeadChannel(rawValue: rawChannel)
        if channel == nil || !channels.contains(channel ?? .screening) {
            problems.append(.init(field: "channel", message: "请选择线索渠道。"))
        }
        let risk = RiskType(rawValue: rawRisk)
        if risk == nil || !(risk?.validity.contains(request.today) ?? false) {
            problems.append(.init(field: "risk", message: "请选择现行的风险类型。"))
        }
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.append(.init(field: "description", message: "请写明反映的情况。")) }
        if text.count > 1_000 { problems.append(.init(field: "description", message: "情况说明不能超过 1000 字。")) }
        let who = reporter.trimmingCharacters(in: .whitespacesAndNewlines)
        if who.count > 50 { problems.append(.init(field: "reporter", message: "反映人不能超过 50 字。")) }
        guard problems.isEmpty, let channel, let risk else { throw ValidationFailure(problems: problems) }
        let signal = LeadSignal(
            householdID: try household.requireID(), villageCode: household.villageCode, riskType: risk,
            channel: channel,
            reference: "entry:\(user.username)", ruleKind: nil, ruleVersion: nil,
            values: ["反映人": who.isEmpty ? "农户本人" : who],
            message: text, reporter: "\(user.displayName)登记",
            fingerprint: LeadIntake.fingerprint(channel.rawValue, risk.rawValue, text)
        )
        let now = request.now, calendar = request.application.workingDayCalendar
        let outcome = try await request.db.transaction { database in
            try await LeadIntake.receive(
                [signal], at: now, policies: try await LeadPolicies.table(on: database), calendar: calendar,
                on: database
            ).first ?? .repeated
        }
        try await AuditLog.record(
            .create, entityType: Household.auditEntityType, entityID: try household.requireID().uuidString,
            areaCode: household.villageCode, summary: "登记\(channel.label)线索：\(risk.label)",
            after: ["channel": channel.rawValue, "risk": risk.rawValue, "description": text],
            actor: request.auditActor, at: now, on: request.db)
        return outcome
    }

    private func page(
        user: CurrentUser, household: Household, values: [String: String], problems: [FieldProblem], today: CivilDate
    ) -> FormPage {
        FormPage(
            title: "登记风险线索 · \(household.headName) 户", pageID: "lead-form", user: user,
            action: SiteRoute.householdLeads.path(household.id ?? UUID()),
            fields: [
                FormField(
                    name: "channel", label: "渠道", kind: .select(Self.channels.map { ($0.rawValue, $0.label) }),
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
