import Domain
import Foundation
import Plot

/// 风险线索 pages: the ledger and one lead.
enum LeadPages {
    /// Leads on one page of the ledger.
    static let pageSize = 100
    /// The warning page lists this many leads, the earliest deadlines; the file holds them all.
    static let warningPageLimit = 500

    struct Row {
        let lead: RiskLead
        let urgency: LeadUrgency?
        /// 「乡镇 · 村」 of the lead's household.
        var place: String? = nil
    }

    struct Detail {
        let user: CurrentUser
        let lead: RiskLead
        let sources: [LeadSource]
        let steps: [LeadStep]
        let urgency: LeadUrgency?
        let now: Date
        /// The household's other leads this one may be merged into (open or included).
        var mergeTargets: [RiskLead] = []
        /// Leads merged into this one.
        var mergedIn: [RiskLead] = []
        /// The lead this one follows or was merged into, and those that follow it.
        var related: [RiskLead] = []
        /// Findings attached to this lead's case after it was included.
        var information: [CaseInformation] = []
    }

    /// The choices a handler has at the lead's state, the first one asking for a choice so that an untouched form
    /// decides nothing.
    static func actionOptions(for state: LeadState?) -> [(value: String, text: String)] {
        let choose = ("", "请选择办理结果")
        let merge = ("merge", "并入本户其他线索（须写明理由）")
        switch state {
        case .awaitingVillageCheck?: return [choose, ("confirm", "核实属实，报乡镇复核"), ("reject", "拟排除，报乡镇确认（须写明理由）"), merge]
        case .awaitingTownshipRecheck?: return [choose, ("confirm", "复核属实，报县级审核"), ("reject", "排除（须写明理由）"), merge]
        case .awaitingTownshipRejectionReview?:
            return [choose, ("confirmRejection", "同意村级意见，排除"), ("returnToVillage", "不同意，退回村级重新核实"), merge]
        case .awaitingCountyReview?: return [choose, ("confirm", "纳入监测（转识别认定）"), ("reject", "排除（须写明理由）"), merge]
        default: return []
        }
    }

    static func leadName(_ lead: RiskLead) -> String {
        "\(lead.risk?.label ?? lead.riskType)线索（\(DisplayFormat.minute(lead.receivedAt))，\(lead.leadState?.label ?? lead.state)）"
    }

    static func leadLink(_ lead: RiskLead) -> Node<HTML.BodyContext> {
        .a(.href(SiteRoute.lead.path(lead.id ?? UUID())), .text(leadName(lead)))
    }

    static func ledger(
        user: CurrentUser, filter: LeadService.LedgerFilter, rows: [Row], total: Int, offset: Int, now: Date,
        areas: [(code: String, name: String)] = []
    ) -> String {
        let query = [
            ("state", filter.state), ("channel", filter.channel), ("urgency", filter.urgency), ("area", filter.area),
        ]
        .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\(SiteURL.escape($0))" } }.joined(
            separator: "&")
        return Layout(
            title: "风险线索台账", pageID: "leads", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("风险线索台账")),
                    .p(.class("muted"), .text("共 \(total.formatted()) 条。线索按村级核实 → 乡镇复核 → 县级审核办理，每条都有结果：纳入、排除（附理由）或并入。"))
                ),
                .form(
                    .class("card filters"), .action(SiteRoute.leads.path()), .method(.get),
                    FormControls.select(
                        name: "state", label: "状态",
                        options: [("", "全部状态"), ("open", "办理中")] + LeadState.allCases.map { ($0.rawValue, $0.label) },
                        selected: filter.state),
                    FormControls.select(
                        name: "channel", label: "渠道",
                        options: [("", "全部渠道")] + LeadChannel.allCases.map { ($0.rawValue, $0.label) },
                        selected: filter.channel),
                    FormControls.select(
                        name: "urgency", label: "时限",
                        options: [("", "全部时限")] + LeadUrgency.allCases.map { ($0.rawValue, $0.label) },
                        selected: filter.urgency),
                    .if(
                        !areas.isEmpty,
                        FormControls.select(
                            name: "area", label: "区域", options: [("", "全辖区")] + areas.map { ($0.code, $0.name) },
                            selected: filter.area)),
                    .button(.type(.submit), .class("primary"), .text("筛选"))
                ),
                .div(
                    .class("actions"),
                    FormControls.exportLink(
                        SiteRoute.leadExport.path() + "?format=xlsx" + (query.isEmpty ? "" : "&" + query),
                        label: "导出台账 Excel"),
                    .a(.class("button"), .href(SiteRoute.leadWarning.path()), .text("半月预警清单"))),
                rows.isEmpty
                    ? .p(.class("card muted"), .text("没有符合条件的线索。"))
                    : .div(
                        .class("card table-wrap"),
                        .table(
                            .thead(
                                .tr(
                                    .th(.class("hide-phone"), "接收时间"), .th("农户"), .th(.class("hide-phone"), "乡镇 · 村"),
                                    .th("风险"), .th(.class("hide-phone"), "渠道"), .th(.class("num hide-phone"), "来源"),
                                    .th("状态"), .th("本环节时限"))),
                            .tbody(
                                .forEach(rows) { row in
                                    .tr(
                                        .td(
                                            .class("nowrap hide-phone"),
                                            .text(DisplayFormat.minute(row.lead.receivedAt))),
                                        .td(
                                            .a(
                                                .href(SiteRoute.lead.path(row.lead.id ?? UUID())),
                                                .text(row.lead.$household.value?.headName ?? "农户")),
                                            .div(
                                                .class("muted small mono"),
                                                .text(row.lead.$household.value?.householdNumber ?? ""))),
                                        .td(.class("hide-phone small"), .text(row.place ?? row.lead.villageCode)),
                                        .td(.text(row.lead.risk?.label ?? row.lead.riskType)),
                                        .td(
                                            .class("hide-phone"), .text(row.lead.leadChannel?.label ?? row.lead.channel)
                                        ),
                                        .td(.class("num hide-phone"), .text(String(row.lead.sourceCount))),
                                        .td(.text(row.lead.leadState?.label ?? row.lead.state)),
                                        .td(
                                            urgencyBadge(row.urgency),
                                            .div(
                                                .class("small muted nowrap"),
                                                .text(
                                                    row.urgency == nil ? "" : DisplayFormat.minute(row.lead.stepDueAt)))
                                        )
                                    )
                                })
                        )),
                .div(
                    .class("pager"),
                    .if(
                        offset > 0,
                        .a(
                            .class("button"),
                            .href(
                                SiteRoute.leads.path() + "?offset=\(max(0, offset - pageSize))"
                                    + (query.isEmpty ? "" : "&" + query)), .text("上一页"))),
                    .if(
                        offset + pageSize < total,
                        .a(
                            .class("button"),
                            .href(
                                SiteRoute.leads.path() + "?offset=\(offset + pageSize)"
                                    + (query.isEmpty ? "" : "&" + query)), .text("下一页"))))
            )
        ).render()
    }

    /// 半月预警清单: the households flagged at risk in the half month, then the open leads overdue or due soon,
    /// earliest deadline first.
    /// `rows`: the earliest deadlines, up to `warningPageLimit`; the counts are of the whole list.
    static func warning(
        user: CurrentUser, rows: [Row], overdue: Int, dueSoon: Int, today: CivilDate,
        half: HalfMonth, flagged: [Flagged], flaggedTotal: Int
    ) -> String {
        Layout(
            title: "半月预警清单", pageID: "warning-list", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("半月预警清单")),
                    .p(
                        .class("muted"),
                        .text(
                            "截至 \(today)：已超期 \(overdue) 条，即将到期 \(dueSoon) 条。超期线索同时提示上一级。"
                                + (overdue + dueSoon > rows.count ? "下表列出时限最早的 \(rows.count) 条，完整清单请导出。" : "")))),
                .div(
                    .class("actions"),
                    .a(
                        .class("button"), .href(SiteRoute.leadWarning.path() + "?half=\(half.previous.first)"),
                        .text("上一半月")),
                    .a(
                        .class("button"), .href(SiteRoute.leadWarning.path() + "?half=\(half.next.first)"),
                        .text("下一半月")),
                    FormControls.exportLink(
                        SiteRoute.leadWarning.path() + "?format=xlsx&list=flagged&half=\(half.first)",
                        label: "导出预警名单 Excel"),
                    FormControls.exportLink(SiteRoute.leadWarning.path() + "?format=xlsx", label: "导出超期清单 Excel"),
                    .a(.class("button"), .href(SiteRoute.leads.path()), .text("返回台账"))),
                .h2(.text("\(half.label)预警名单：\(flaggedTotal) 户")),
                flagged.isEmpty
                    ? .p(.class("card muted"), .text("本半月没有新发现存在风险的农户。"))
                    : .div(
                        .class("card table-wrap"),
                        .table(
                            .thead(
                                .tr(
                                    .th("户编号"), .th("户主"), .th("风险类型"), .th("发现渠道"), .th(.class("num"), "线索数"),
                                    .th("首次接收"), .th("当前状态"))),
                            .tbody(
                                .forEach(flagged) { item in
                                    let cells = item.cells
                                    return .tr(
                                        .td(.class("mono"), .text(cells[0])),
                                        .td(
                                            .a(
                                                .href(SiteRoute.lead.path(item.leads.first?.id ?? UUID())),
                                                .text(cells[1]))),
                                        .td(.text(cells[3])), .td(.text(cells[4])), .td(.class("num"), .text(cells[5])),
                                        .td(.class("nowrap"), .text(cells[6])),
                                        .td(.text(cells[7])))
                                })
                        )),
                .h2(.text("超期及即将到期线索")),
                rows.isEmpty
                    ? .p(.class("card muted"), .text("没有超期或即将到期的线索。"))
                    : .div(
                        .class("card table-wrap"),
                        .table(
                            .thead(.tr(.th("时限"), .th("农户"), .th("风险"), .th("状态"), .th("须关注的层级"))),
                            .tbody(
                                .forEach(rows) { row in
                                    .tr(
                                        .td(
                                            .class("nowrap"), urgencyBadge(row.urgency),
                                            .text(" " + DisplayFormat.minute(row.lead.stepDueAt))),
                                        .td(
                                            .a(
                                                .href(SiteRoute.lead.path(row.lead.id ?? UUID())),
                                                .text(row.lead.$household.value?.headName ?? "农户"))),
                                        .td(.text(row.lead.risk?.label ?? row.lead.riskType)),
                                        .td(.text(row.lead.leadState?.label ?? row.lead.state)),
                                        .td(
                                            .text(
                                                row.lead.leadState.flatMap {
                                                    LeadUrgency.escalationLevel(
                                                        for: $0, overdue: row.urgency == .overdue)?.label
                                                } ?? "本级")))
                                })
                        ))
            )
        ).render()
    }

    static func urgencyBadge(_ urgency: LeadUrgency?) -> Node<HTML.BodyContext> {
        switch urgency {
        case nil: .span(.class("muted"), .text("已办结"))
        case .onTime?: .span(.class("badge ok"), .text(LeadUrgency.onTime.label))
        case .dueSoon?: .span(.class("badge warn"), .text(LeadUrgency.dueSoon.label))
        case .overdue?: .span(.class("badge bad"), .text(LeadUrgency.overdue.label))
        }
    }

    static func detail(_ detail: Detail, problems: [FieldProblem]) -> String {
        let lead = detail.lead
        let state = lead.leadState
        let household = lead.$household.value
        let canAct = state?.level.map { LeadWorkflow.roles(for: $0).contains(detail.user.role) } ?? false
        let id = lead.id?.uuidString.lowercased() ?? ""
        return Layout(
            title: "风险线索", pageID: "lead", user: detail.user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("\(lead.risk?.label ?? lead.riskType)风险线索")),
                    .p(
                        .class("muted"),
                        .text(
                            "\(lead.leadChannel?.label ?? lead.channel) · 接收于 \(DisplayFormat.minute(lead.receivedAt))")
                    )),
                .section(
                    .class("card"),
                    .dl(
                        .class("facts"),
                        .dt("农户"),
                        .dd(
                            .unwrap(household) { household in
                                .a(
                                    .href(SiteURL.household(id: household.id ?? UUID()).path),
                                    .text("\(household.headName) 户（\(household.householdNumber)）"))
                            }),
                        .dt("状态"), .dd(.text(state?.label ?? lead.state)),
                        .dt("本环节时限"),
                        .dd(
                            urgencyBadge(detail.urgency),
                            .text(detail.urgency == nil ? "" : " \(DisplayFormat.minute(lead.stepDueAt))")),
                        .dt("全程时限"), .dd(.text(DisplayFormat.minute(lead.dueAt))),
                        .unwrap(lead.outcomeReason) { .group(.dt("结果说明"), .dd(.text($0))) },
                        .forEach(detail.related) { other in
                            let relation =
                                other.id.map { $0.uuidString.lowercased() } == lead.mergedInto
                                ? "已并入"
                                : other.id == lead.followsLeadID ? "接续已办结线索" : "后续线索"
                            return .group(.dt(.text(relation)), .dd(leadLink(other)))
                        },
                        .if(
                            !detail.mergedIn.isEmpty,
                            .group(.dt("并入本线索的"), .dd(.forEach(detail.mergedIn) { .div(leadLink($0)) })))
                    )),
                .if(
                    !detail.information.isEmpty,
                    .section(
                        .class("card"), .h2(.text("纳入后新发现的风险信息（\(detail.information.count)）")),
                        .p(.class("muted small"), .text("农户已纳入，新的风险信息附在其案件上供核查，不再另开线索。")),
                        .ul(
                            .class("visits"),
                            .forEach(detail.information) { item in
                                .li(
                                    .div(
                                        .strong(.text(RiskType(rawValue: item.riskType)?.label ?? item.riskType)),
                                        .span(
                                            .class("muted"),
                                            .text(" \(DisplayFormat.minute(item.receivedAt)) · \(item.reporter)"))),
                                    .div(.text(item.message)))
                            }))),
                .section(
                    .class("card"), .h2(.text("线索来源（\(detail.sources.count)）")),
                    .p(.class("muted small"), .text("同一农户同一风险的多渠道信息合并为一条线索，相互印证。")),
                    .ul(
                        .class("visits"),
                        .forEach(detail.sources) { source in
                            .li(
                                .div(
                                    .strong(.text(LeadChannel(rawValue: source.channel)?.label ?? source.channel)),
                                    .span(
                                        .class("muted"),
                                        .text(" \(DisplayFormat.minute(source.receivedAt)) · \(source.reporter)"))),
                                .div(.text(source.message)),
                                .unwrap(source.ruleKind.flatMap(ScreeningRuleKind.init(rawValue:))) { kind in
                                    .div(
                                        .class("muted small"), .text("规则：\(kind.label)（第 \(source.ruleVersion ?? 1) 版）")
                                    )
                                })
                        })),
                .section(
                    .class("card"), .h2(.text("办理记录")),
                    detail.steps.isEmpty
                        ? .p(.class("muted"), .text("尚未办理。"))
                        : .ul(
                            .forEach(detail.steps) { step in
                                .li(
                                    .text(
                                        "\(DisplayFormat.minute(step.at)) · \(LeadLevel(rawValue: step.level)?.label ?? step.level) · \(step.actorName) · \(step.action)"
                                    ),
                                    .if(!step.opinion.isEmpty, .div(.class("muted small"), .text(step.opinion))))
                            })),
                .if(
                    canAct,
                    .section(
                        .class("card"),
                        .h2(.text("办理（\(state?.level?.label ?? "")）")),
                        FormRenderer.problemSummary(problems),
                        .form(
                            .action(SiteRoute.leadActions.path(id)), .method(.post), CSRFField(user: detail.user).node,
                            .label(.for("action"), .text("办理结果")),
                            FormControls.select(
                                name: "action", id: "action", label: "办理结果", options: actionOptions(for: state),
                                selected: nil),
                            .label(.for("text"), .text("意见或理由")),
                            .textarea(.id("text"), .name("text"), .rows(3)),
                            .label(.for("reference"), .text("并入哪条线索（仅并入时选择）")),
                            FormControls.select(
                                name: "reference", id: "reference", label: "并入哪条线索",
                                options: [("", detail.mergeTargets.isEmpty ? "本户没有可并入的线索" : "请选择")]
                                    + detail.mergeTargets.map { ($0.id?.uuidString.lowercased() ?? "", leadName($0)) },
                                selected: nil),
                            .button(.type(.submit), .class("primary"), .text("提交"))
                        )
                    ))
            )
        ).render()
    }
}
