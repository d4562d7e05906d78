import Domain
import Fluent
import Vapor

/// 收支登记: a year of income and spending for one household. A year already recorded opens with its figures filled
/// in; saving over it is a correction that names the record it replaces and gives a reason, with both versions in the
/// audit trail. A form that would replace a record it did not show is refused, so nothing is overwritten unseen.
struct IncomeController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        let year = (try? request.query.get(String.self, at: "year")).flatMap(Int.init) ?? request.today.year - 1
        var values = ["year": String(year)]
        let existing = try await RegistryRecordService.existingIncome(
            year: String(year), household: household, on: request.db)
        if let existing {
            for field in IncomeField.allCases { values[field.rawValue] = Money(fen: existing.fen(field)).description }
        }
        return .html(page(user: user, household: household, values: values, existing: existing, problems: []).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        var values: [String: String] = ["year": request.formText("year"), "reason": request.formText("reason")]
        var amounts: [IncomeField: String] = [:]
        for field in IncomeField.allCases {
            amounts[field] = request.formText(field.rawValue)
            values[field.rawValue] = amounts[field]
        }
        let existing = try await RegistryRecordService.existingIncome(
            year: values["year"] ?? "", household: household, on: request.db)
        if let existing, request.formText("replaces") != existing.id?.uuidString.lowercased() {
            let problem = FieldProblem(
                field: "year", message: "\(existing.periodStart.prefix(4)) 年已有收支记录，原数字见上方。保存将更正该记录：请核对后填写更正原因，再次保存。")
            return .html(
                page(user: user, household: household, values: values, existing: existing, problems: [problem])
                    .render(), status: .conflict)
        }
        let reason = (values["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if existing != nil, reason.isEmpty {
            let problem = FieldProblem(field: "reason", message: "更正已登记的年度收支，须填写更正原因。")
            return .html(
                page(user: user, household: household, values: values, existing: existing, problems: [problem])
                    .render(), status: .unprocessableEntity)
        }
        do {
            _ = try await RegistryRecordService.recordIncome(
                year: values["year"] ?? "", amounts: amounts, household: household, user: user,
                reason: reason.isEmpty ? nil : reason, today: request.today, actor: request.auditActor,
                at: request.now, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                page(user: user, household: household, values: values, existing: existing, problems: failure.problems)
                    .render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path + "?saved=income")
    }

    private func page(
        user: CurrentUser, household: Household, values: [String: String], existing: IncomeRecord?,
        problems: [FieldProblem]
    ) -> FormPage {
        var fields =
            [
                FormField(
                    name: "year", label: "年度", kind: .number, value: values["year"] ?? "",
                    hint: "收支所属的自然年度（1 月 1 日至 12 月 31 日）。", required: true)
            ]
            + IncomeField.allCases.map { field in
                FormField(
                    name: field.rawValue, label: field.label + "（元）", kind: .money, value: values[field.rawValue] ?? "")
            }
        var intro = "家庭纯收入 = 工资性 + 生产经营性 − 生产经营费用 + 财产性 + 转移性；人均纯收入按在册人口计算。医疗、教育等刚性支出单独登记。"
        var hidden: [String: String] = [:]
        if let existing {
            let year = existing.periodStart.prefix(4)
            fields.append(
                FormField(
                    name: "reason", label: "更正原因", kind: .textarea, value: values["reason"] ?? "",
                    hint: "例如：入户核实后工资性收入有误。", required: true))
            intro =
                "\(year) 年已有收支记录（登记人口 \(existing.memberCount) 人，家庭纯收入 \(DisplayFormat.yuan(fen: existing.netIncome))，人均纯收入 \(DisplayFormat.yuan(fen: existing.perCapitaNet))）。原数字："
                + IncomeField.allCases.map { "\($0.label) \(Money(fen: existing.fen($0)).description) 元" }.joined(
                    separator: "，")
                + "。保存即更正该记录，修改前后的数字和原因记入操作日志。"
            hidden["replaces"] = existing.id?.uuidString.lowercased() ?? ""
        }
        let title =
            existing == nil
            ? "登记收支 · \(household.headName) 户"
            : "更正 \(existing?.periodStart.prefix(4) ?? "") 年收支 · \(household.headName) 户"
        return FormPage(
            title: title, pageID: "income-form", user: user,
            action: SiteRoute.incomes.path(household.id ?? UUID()), fields: fields, problems: problems,
            intro: intro, backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情"), hiddenFields: hidden
        )
    }
}
