import Domain
import Plot

/// 政策参数 page: the rows of each parameter with their scope, period, value and source; a form to add a row of each
/// and one to end a row.
enum PolicyPage {
    struct Model {
        let user: CurrentUser
        let today: CivilDate
        let lines: [PolicyService.Row]
        let leadRows: [PolicyService.Row]
        /// The lead policy in force in the administrator's area today: the form starts from it.
        let leadPolicy: LeadDeadlinePolicy?
        let problems: [FieldProblem]
        /// The form that was refused, shown again with what was typed.
        let failedForm: PolicyService.Parameter?
        let submitted: [String: String]
    }

    static func render(_ model: Model) -> String {
        Layout(
            title: "政策参数", pageID: "policy", user: model.user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("政策参数")),
                    .p(
                        .class("muted"),
                        .text(
                            "监测线和线索办理时限按区划和生效期维护，每次筛查、每条线索的时限都按当日生效的记录计算。"
                                + "新增记录后，同一范围原来生效的记录于新记录生效前一日结束。"))),
                FormRenderer.problemSummary(model.problems),
                .section(
                    .class("card"), .h2(.text("监测线（元/人·年）")),
                    table(model.lines, parameter: .monitoringLine, model: model),
                    lineForm(model)),
                .section(
                    .class("card"), .h2(.text("线索办理时限与复发静默期")),
                    table(model.leadRows, parameter: .leadDeadlines, model: model),
                    leadForm(model))
            )
        ).render()
    }

    private static func table(
        _ rows: [PolicyService.Row], parameter: PolicyService.Parameter, model: Model
    ) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("muted"), .text("尚无记录。")) }
        return .div(
            .class("table-wrap"),
            .table(
                .thead(.tr(.th("范围"), .th("生效期"), .th("内容"), .th(.class("hide-phone"), "依据"), .th("结束"))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .td(.text(row.scopeName), .if(row.inForceToday, .span(.class("badge ok"), .text("今日生效")))),
                            .td(.class("nowrap"), .text("\(row.effectiveFrom) 至 \(row.effectiveTo ?? "今后")")),
                            .td(.text(row.value)),
                            .td(.class("hide-phone small"), .text(row.source)),
                            .td(
                                .if(
                                    mayEnd(row, model)
                                        && (row.effectiveTo.map { $0 >= model.today.description } ?? true),
                                    .form(
                                        .class("inline"),
                                        .action(
                                            parameter.endRoute.path(row.id)), .method(.post),
                                        CSRFField(user: model.user).node,
                                        .input(
                                            .type(.date), .name("last_day"),
                                            .attribute(named: "aria-label", value: "最后生效日"),
                                            .value(model.today.description)),
                                        .button(.type(.submit), .text("结束"))
                                    )))
                        )
                    })
            ))
    }

    /// Rows of the administrator's own area (or any, for a national administrator); wider ones are the upper level's.
    private static func mayEnd(_ row: PolicyService.Row, _ model: Model) -> Bool {
        row.scope.flatMap(AreaCode.init).map(model.user.scope.includes)
            ?? (model.user.scope.householdFilter == .everything)
    }

    private static func value(
        _ model: Model, _ form: PolicyService.Parameter, _ field: String, _ fallback: String
    ) -> String {
        model.failedForm == form ? model.submitted[field] ?? fallback : fallback
    }

    private static func periodFields(_ model: Model, _ form: PolicyService.Parameter) -> [FormField] {
        [
            FormField(
                name: "scope", label: "适用范围（省、市或县代码；全国留空）",
                value: value(model, form, "scope", model.user.areaCode.value),
                hint: "本账号辖区：\(model.user.areaCode.value)"),
            FormField(name: "from", label: "生效日期", kind: .date, value: value(model, form, "from", ""), required: true),
            FormField(name: "to", label: "截止日期（可留空）", kind: .date, value: value(model, form, "to", "")),
            FormField(name: "source", label: "依据（文件名称和文号）", value: value(model, form, "source", ""), required: true),
        ]
    }

    private static func lineForm(_ model: Model) -> Node<HTML.BodyContext> {
        .div(
            .class("subform"), .h3(.text("新增监测线")),
            .form(
                .action(SiteRoute.policyMonitoringLines.path()), .method(.post), CSRFField(user: model.user).node,
                FormRenderer.fields(
                    [
                        FormField(
                            name: "amount", label: "监测线（元/人·年）", kind: .money,
                            value: value(model, .monitoringLine, "amount", ""),
                            required: true)
                    ] + periodFields(model, .monitoringLine),
                    problems: model.failedForm == .monitoringLine ? model.problems : []),
                .button(.type(.submit), .class("primary"), .text("保存"))
            ))
    }

    private static func leadForm(_ model: Model) -> Node<HTML.BodyContext> {
        let policy = model.leadPolicy
        let problems = model.failedForm == .leadDeadlines ? model.problems : []
        func cell(_ channel: LeadChannel, _ level: String, _ rule: DeadlineRule?) -> Node<HTML.TableRowContext> {
            let name = "\(channel.rawValue)_\(level)"
            return .td(
                textInput(
                    name: name, value: value(model, .leadDeadlines, name, rule?.text ?? ""),
                    label: "\(channel.label) \(level)"),
                .forEach(problems.filter { $0.field == name }) { .p(.class("field-error"), .text($0.message)) })
        }
        return .div(
            .class("subform"), .h3(.text("新增线索办理时限")),
            .form(
                .action(SiteRoute.policyLeadDeadlines.path()), .method(.post), CSRFField(user: model.user).node,
                .p(.class("muted small"), .text("时限写成「5工作日」「24小时」「10自然日」；全程时限可留空（各级时限相加）。表中已填入本辖区今日生效的时限。")),
                .div(
                    .class("table-wrap"),
                    .table(
                        .thead(.tr(.th("渠道"), .th("全程"), .th("村级"), .th("乡镇"), .th("县级"))),
                        .tbody(
                            .forEach(LeadChannel.allCases) { channel in
                                let limits = policy?.channels[channel]
                                return .tr(
                                    .td(.text(channel.label)), cell(channel, "total", limits?.total),
                                    cell(channel, "village", limits?.village),
                                    cell(channel, "township", limits?.township), cell(channel, "county", limits?.county)
                                )
                            })
                    )),
                FormRenderer.fields(
                    [
                        FormField(
                            name: "due_soon_percent", label: "剩余时间不足百分之几时提示即将到期", kind: .number,
                            value: value(
                                model, .leadDeadlines, "due_soon_percent",
                                policy.map { String(Int(($0.dueSoonFraction * 100).rounded())) } ?? "33")),
                        FormField(
                            name: "due_soon_hours", label: "或剩余不足几小时时提示", kind: .number,
                            value: value(
                                model, .leadDeadlines, "due_soon_hours", policy.map { String($0.dueSoonHours) } ?? "24")
                        ),
                        FormField(
                            name: "quiet_days", label: "复发静默期（天）", kind: .number,
                            value: value(
                                model, .leadDeadlines, "quiet_days", policy?.quietPeriodDays.map(String.init) ?? ""),
                            hint: "线索排除或并入后，同一规则、同一数值在这些天内不再提示；留空表示数值不变就不再提示。新的证据随时另开线索。"),
                    ] + periodFields(model, .leadDeadlines), problems: problems),
                .button(.type(.submit), .class("primary"), .text("保存"))
            )
        )
    }

    /// A short text input in any context (a table cell of a form).
    private static func textInput<Context: HTMLContext>(name: String, value: String, label: String) -> Node<Context> {
        .selfClosedElement(
            named: "input",
            attributes: [
                Attribute(name: "type", value: "text"), Attribute(name: "name", value: name),
                Attribute(name: "class", value: "short"),
                Attribute(name: "aria-label", value: label),
                Attribute(name: "value", value: HTMLEscaping.escape(value), ignoreIfValueIsEmpty: false),
            ])
    }
}
