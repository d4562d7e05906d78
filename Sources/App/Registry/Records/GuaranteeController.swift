import Domain
import Fluent
import Vapor

/// 两不愁三保障及饮水安全: dated assessments, the latest of each kind being the household's current status.
struct GuaranteeController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        let kind = try RegistryRecordService.guaranteeKind(
            from: (try? request.query.get(String.self, at: "kind")) ?? "")
        return .html(
            page(
                user: user, household: household, kind: kind, values: ["assessed_on": request.today.description],
                checked: [], problems: []
            ).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        let kind = try RegistryRecordService.guaranteeKind(from: request.formText("kind"))
        let values = [
            "assessed_on": request.formText("assessed_on"), "secured": request.formText("secured"),
            "housing_grade": request.formText("housing_grade"), "note": request.formText("note"),
        ]
        let checked = Set(request.checkedValues("water"))
        let water =
            kind == .drinkingWater
            ? WaterCriteria(
                enoughQuantity: checked.contains("quantity"), qualityTested: checked.contains("quality"),
                convenient: checked.contains("convenience"), reliable: checked.contains("reliability")
            ) : nil
        do {
            _ = try await RegistryRecordService.recordGuarantee(
                kind: kind, assessedOn: values["assessed_on"] ?? "",
                secured: ["yes": true, "no": false][values["secured"] ?? ""],
                housingGrade: values["housing_grade"] ?? "", water: water, note: values["note"] ?? "",
                household: household, user: user, today: request.today, actor: request.auditActor, at: request.now,
                on: request.db
            )
        } catch let failure as ValidationFailure {
            return .html(
                page(
                    user: user, household: household, kind: kind, values: values, checked: checked,
                    problems: failure.problems
                ).render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }

    private func page(
        user: CurrentUser, household: Household, kind: GuaranteeKind, values: [String: String], checked: Set<String>,
        problems: [FieldProblem]
    ) -> FormPage {
        var fields = [
            FormField(
                name: "assessed_on", label: "评估日期", kind: .date, value: values["assessed_on"] ?? "", required: true)
        ]
        switch kind {
        case .compulsoryEducation, .basicMedical:
            fields.append(
                FormField(
                    name: "secured", label: "是否达标", kind: .select([("", "请选择"), ("yes", "达标"), ("no", "未达标")]),
                    value: values["secured"] ?? "", required: true))
        case .housingSafety:
            fields.append(
                FormField(
                    name: "housing_grade", label: "住房安全等级",
                    kind: .select([("", "请选择")] + HousingSafetyGrade.allCases.map { ($0.rawValue, $0.label) }),
                    value: values["housing_grade"] ?? "", hint: "A、B 级为安全住房；C、D 级须改造。", required: true))
        case .drinkingWater:
            fields.append(
                FormField(
                    name: "water", label: "饮水安全四项指标（达标的打勾）",
                    kind: .checkboxes([
                        ("quantity", "水量：每人每天不少于 35 升（缺水地区 20 升）"), ("quality", "水质：有检测报告且达标"),
                        ("convenience", "方便：入户或取水往返不超过 20 分钟"), ("reliability", "保证率：全年断水不超过 36 天"),
                    ]), selected: checked))
        }
        fields.append(FormField(name: "note", label: "说明", kind: .textarea, value: values["note"] ?? ""))
        var page = FormPage(
            title: "\(kind.label)评估 · \(household.headName) 户", pageID: "guarantee-form", user: user,
            action: SiteRoute.guarantees.path(household.id ?? UUID()), fields: fields, problems: problems,
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
        page.hiddenFields = ["kind": kind.rawValue]
        return page
    }
}
