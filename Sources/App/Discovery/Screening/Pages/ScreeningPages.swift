import Domain
import Foundation
import Plot

/// 筛查 pages: rules and runs, one run's result per village, and a dry run's comparison.
enum ScreeningPages {
    struct Proposal {
        var kind = ""
        var parameter = ""
        var value = ""
        var effectiveFrom = ""

        var service: ScreeningRuleService.Proposal {
            ScreeningRuleService.Proposal(kind: kind, parameter: parameter, value: value, effectiveFrom: effectiveFrom)
        }
    }

    static func index(
        user: CurrentUser, records: [ScreeningRuleRecord], runs: [ScreeningRun], problems: [FieldProblem],
        proposal: Proposal?, today: CivilDate, canRun: Bool, repairs: [ScreeningRuleSetError] = []
    ) -> String {
        let proposal = proposal ?? Proposal(effectiveFrom: today.description)
        return Layout(
            title: "筛查规则与批次", pageID: "screening", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("筛查规则与批次")),
                    .p(.class("muted"), .text("规则是带版本和生效日期的数据；每条线索都记录触发它的规则版本和数值。"))),
                .if(
                    canRun,
                    .div(
                        .class("card"),
                        .form(
                            .action(SiteRoute.screeningRuns.path()), .method(.post), CSRFField(user: user).node,
                            .button(.type(.submit), .class("primary"), .id("run-screening"), .text("立即筛查本辖区"))),
                        .p(.class("muted small"), .text("系统每天自动筛查；部门数据报送后立即筛查相关农户。")))),
                .if(
                    !repairs.isEmpty,
                    .div(
                        .class("flash-error"), .attribute(named: "role", value: "alert"),
                        .p(.text("以下规则版本的生效期相互冲突，筛查已按“后启用的版本自其生效日起适用”处理，请结束或撤回多余的版本：")),
                        .ul(.forEach(repairs) { .li(.text($0.message)) }))),
                .if(canRun && !problems.isEmpty && proposal.kind.isEmpty, FormRenderer.problemSummary(problems)),
                .div(
                    .class("card table-wrap"), .h2(.text("规则版本")),
                    .table(
                        .thead(
                            .tr(
                                .th("规则"), .th(.class("num"), "版本"), .th("参数"), .th("生效"), .th("范围"), .th("状态"),
                                .th(.class("hide-phone"), "调整"))),
                        .tbody(
                            .forEach(records) { record in
                                .tr(
                                    .td(.text(record.ruleKind?.label ?? record.kind)),
                                    .td(.class("num"), .text(String(record.version))),
                                    .td(.class("small"), .text(parameterText(record))),
                                    .td(
                                        .class("nowrap"),
                                        .text(
                                            "\(record.effectiveFrom ?? "—") 起"
                                                + (record.effectiveTo.map { " 至 \($0)" } ?? ""))),
                                    .td(.class("mono"), .text(record.scopeCode ?? "全国")),
                                    .td(
                                        record.enabled
                                            ? .span(.class("badge ok"), .text("启用"))
                                            : .span(.class("badge"), .text("停用"))),
                                    .td(
                                        .class("hide-phone"),
                                        versionActions(record, user: user, today: today, canRun: canRun)))
                            })
                    )),
                .if(
                    canRun,
                    .div(
                        .class("card"),
                        .h2(.text("试算规则调整（不产生线索）")),
                        FormRenderer.problemSummary(problems),
                        .form(
                            .action(SiteRoute.screeningDryRun.path()), .method(.post), CSRFField(user: user).node,
                            FormRenderer.fields(proposalFields(proposal), problems: problems),
                            .button(.type(.submit), .class("primary"), .text("按村试算")))
                    )),
                .div(
                    .class("card table-wrap"), .h2(.text("筛查批次")),
                    .table(
                        .thead(
                            .tr(
                                .th("开始"), .th("类型"), .th("发起"), .th(.class("num"), "农户"), .th(.class("num"), "命中"),
                                .th(.class("num"), "新线索"), .th(.class("num"), "印证"), .th("状态"))),
                        .tbody(
                            .forEach(runs) { run in
                                .tr(
                                    .td(
                                        .a(
                                            .href(SiteRoute.screeningRun.path(run.id ?? UUID())),
                                            .text(DisplayFormat.minute(run.startedAt)))),
                                    .td(.text(run.dryRun ? "试算" : "正式")), .td(.text(run.triggeredBy)),
                                    .td(.class("num"), .text(run.households.formatted())),
                                    .td(.class("num"), .text(run.hits.formatted())),
                                    .td(.class("num"), .text(run.newLeads.formatted())),
                                    .td(.class("num"), .text(run.corroborated.formatted())),
                                    .td(
                                        .text(
                                            run.status == "finished"
                                                ? "完成" : run.status == "failed" ? "失败：\(run.error ?? "")" : "进行中")))
                            })
                    ))
            )
        ).render()
    }

    static func proposalFields(_ proposal: Proposal) -> [FormField] {
        [
            FormField(
                name: "kind", label: "规则",
                kind: .select(
                    [("", "请选择")]
                        + ScreeningRuleKind.allCases.filter { !$0.parameterNames.isEmpty }.map {
                            ($0.rawValue, $0.label)
                        }), value: proposal.kind, required: true),
            FormField(
                name: "parameter", label: "参数",
                kind: .select([("", "请选择")] + ScreeningParameter.allCases.map { ($0.rawValue, $0.typedLabel) }),
                value: proposal.parameter, required: true),
            FormField(
                name: "value", label: "新值", kind: .money, value: proposal.value,
                hint: "金额以元计，如 3 万元填 30000；比例、月数、人数填整数。", required: true),
            FormField(
                name: "effective_from", label: "生效日期", kind: .date, value: proposal.effectiveFrom, required: true),
        ]
    }

    static func parameterText(_ record: ScreeningRuleRecord) -> String {
        let parameters =
            (try? JSONDecoder().decode([String: Int64].self, from: Data(record.parametersJSON.utf8))) ?? [:]
        return parameters.sorted { $0.key < $1.key }.map { key, value in
            guard let parameter = ScreeningParameter(rawValue: key) else { return "\(key)：\(value)" }
            return "\(parameter.label.replacingOccurrences(of: "（分）", with: ""))：\(parameter.display(value))"
        }.joined(separator: "；")
    }

    /// Withdraw (not started yet) or end (started) a version of the user's own area; wider versions are the upper
    /// level's to change.
    private static func versionActions(
        _ record: ScreeningRuleRecord, user: CurrentUser, today: CivilDate, canRun: Bool
    ) -> Node<HTML.BodyContext> {
        guard canRun, let id = record.id?.uuidString.lowercased(), let scope = record.scopeCode.flatMap(AreaCode.init),
            user.scope.includes(scope)
        else {
            return .empty
        }
        if let from = record.effectiveFrom.flatMap(CivilDate.init), from > today {
            return .form(
                .class("inline"), .action(SiteRoute.screeningRuleWithdrawal.path(id)), .method(.post),
                CSRFField(user: user).node,
                .button(.type(.submit), .text("撤回")))
        }
        if let to = record.effectiveTo.flatMap(CivilDate.init), to < today { return .empty }
        return .form(
            .class("inline"), .action(SiteRoute.screeningRuleEnd.path(id)), .method(.post), CSRFField(user: user).node,
            .input(
                .type(.date), .name("last_day"), .value(today.description),
                .attribute(named: "aria-label", value: "最后生效日")),
            .button(.type(.submit), .text("结束")))
    }

    static func run(user: CurrentUser, run: ScreeningRun, villageNames: [String: String]) -> String {
        let perVillage = run.perVillage.sorted { $0.key < $1.key }
        return Layout(
            title: "筛查批次", pageID: "screening-run", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text(run.dryRun ? "试算结果" : "筛查结果")),
                    .p(.class("muted"), .text("\(DisplayFormat.minute(run.startedAt)) · \(run.triggeredBy)"))),
                .div(
                    .class("stats"),
                    .forEach([
                        ("农户", run.households), ("命中", run.hits), ("新线索", run.newLeads), ("印证已有线索", run.corroborated),
                    ]) { card in
                        .div(
                            .class("stat"), .div(.class("stat-value"), .text(card.1.formatted())),
                            .div(.class("stat-label"), .text(card.0)))
                    }),
                .unwrap(run.error) { .p(.class("flash-error"), .text($0)) },
                .div(
                    .class("card table-wrap"), .h2(.text("各村命中")),
                    .table(
                        .thead(.tr(.th("村"), .th("规则"), .th(.class("num"), "命中户数"))),
                        .tbody(
                            .forEach(
                                perVillage.flatMap { village, counts in
                                    counts.sorted { $0.key < $1.key }.map { (village, $0.key, $0.value) }
                                }
                            ) { row in
                                .tr(
                                    .td(.text(villageNames[row.0] ?? row.0)),
                                    .td(.text(ScreeningRuleKind(rawValue: row.1)?.label ?? row.1)),
                                    .td(.class("num"), .text(String(row.2))))
                            })
                    )),
                .p(.a(.href(SiteRoute.screening.path()), .text("← 返回筛查")))
            )
        ).render()
    }

    static func comparison(
        user: CurrentUser, kind: ScreeningRuleKind, version: ScreeningRuleVersion, baseline: ScreeningRun,
        trial: ScreeningRun,
        villageNames: [String: String], proposal: Proposal
    ) -> String {
        let villages = Set(baseline.perVillage.keys).union(trial.perVillage.keys).sorted()
        let rows = villages.map { village in
            (village, baseline.perVillage[village]?[kind.rawValue] ?? 0, trial.perVillage[village]?[kind.rawValue] ?? 0)
        }
        .filter { $0.1 != 0 || $0.2 != 0 }
        return Layout(
            title: "规则试算", pageID: "screening-dry-run", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("试算：\(kind.label) 第 \(version.version) 版")),
                    .p(.class("muted"), .text("现行规则与拟调整规则在本辖区各村的命中户数对比。试算不产生线索。"))),
                .div(
                    .class("card"),
                    .p(.text("现行合计 \(rows.map(\.1).reduce(0, +)) 户，调整后合计 \(rows.map(\.2).reduce(0, +)) 户。"))),
                .div(
                    .class("card table-wrap"),
                    .table(
                        .thead(
                            .tr(.th("村"), .th(.class("num"), "现行"), .th(.class("num"), "调整后"), .th(.class("num"), "变化"))
                        ),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(.text(villageNames[row.0] ?? row.0)), .td(.class("num"), .text(String(row.1))),
                                    .td(.class("num"), .text(String(row.2))),
                                    .td(
                                        .class("num"),
                                        .text(row.2 - row.1 > 0 ? "+\(row.2 - row.1)" : String(row.2 - row.1))))
                            })
                    )),
                .form(
                    .class("card"), .action(SiteRoute.screeningRules.path()), .method(.post),
                    CSRFField(user: user).node,
                    .input(.type(.hidden), .name("kind"), .value(HTMLEscaping.escape(proposal.kind))),
                    .input(.type(.hidden), .name("parameter"), .value(HTMLEscaping.escape(proposal.parameter))),
                    .input(.type(.hidden), .name("value"), .value(HTMLEscaping.escape(proposal.value))),
                    .input(
                        .type(.hidden), .name("effective_from"), .value(HTMLEscaping.escape(proposal.effectiveFrom))),
                    .p(
                        .text(
                            "启用后自 \(proposal.effectiveFrom) 起在本辖区生效：\(ScreeningRuleService.describe(version))。"
                                + "本辖区原来生效的版本于前一日结束，保留可查。")),
                    .button(.type(.submit), .class("primary"), .text("启用该版本"))),
                .p(.a(.href(SiteRoute.screening.path()), .text("← 返回筛查")))
            )
        ).render()
    }
}
