import Domain
import Foundation
import Plot

/// 农户详情 — a household, its members, its income history and its own history.
enum HouseholdPage {
    /// `notice` confirms what was just saved (走访已保存…), shown above the household.
    static func render(_ model: Model, notice: String? = nil) -> String {
        let household = model.household
        let type = household.type
        return Layout(
            title: "农户 \(household.headName)", pageID: "household", user: model.user,
            content: .group(
                .div(
                    .class("page-head"),
                    .h1(.text("\(household.headName) 户")),
                    .p(.class("muted"), .text("户编号 \(household.householdNumber) · \(model.areaPath)"))
                ),
                .unwrap(notice) {
                    .div(.class("flash-ok"), .id("notice"), .attribute(named: "role", value: "status"), .text($0))
                },
                .section(
                    .class("card"),
                    .dl(
                        .class("facts"),
                        .dt("户类型"),
                        .dd(
                            .text(
                                (type?.label ?? household.householdType)
                                    + (household.alleviatedYear.map { "（\($0) 年脱贫）" } ?? ""))),
                        .dt("监测状态"), .dd(.text(household.status?.label ?? household.monitoringStatus)),
                        .dt("家庭人口"), .dd(.text("\(household.memberCount) 人")),
                        .dt("联系电话"), .dd(.class("mono"), .text(model.show(household.phone, field: "phone"))),
                        .dt("一卡通账号"),
                        .dd(.class("mono"), .text(model.show(household.bankAccount, field: "bank_account"))),
                        .dt("住址"), .dd(.text(household.address))
                    ),
                    revealControl(model)
                ),
                HouseholdActions.node(model),
                membersTable(model),
                HouseholdLeadSection.node(model),
                GuaranteeSection.node(model),
                IncomeHistory.node(
                    model.incomes,
                    correctionBase: model.canEdit ? SiteRoute.incomeNew.path(model.household.id ?? UUID()) + "" : nil),
                VisitSection.node(model),
                AuditHistory.node(model.history)
            )
        ).render()
    }

    private static func revealControl(_ model: Model) -> Node<HTML.BodyContext> {
        guard model.canReveal, let id = model.household.id else { return .empty }
        if model.revealed {
            return .p(
                .class("notice"), .text("正在显示完整个人信息，本次查看已记录。"),
                .a(.href(SiteURL.household(id: id).path), .text("恢复脱敏显示")))
        }
        return .p(.a(.class("button"), .href(SiteURL.household(id: id).path + "?reveal=1"), .text("显示完整个人信息（将记录查看日志）")))
    }

    private static func membersTable(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("家庭成员（\(model.members.filter { $0.departedOn == nil }.count)）")),
            .div(
                .class("table-wrap"),
                .table(
                    .class("stack"),
                    .thead(
                        .tr(
                            .th("姓名"), .th("关系"), .th(.class("hide-phone"), "性别"), .th(.class("hide-phone"), "出生日期"),
                            .th("身份证号"), .th("劳动能力"), .th(.class("hide-phone"), "健康状况"),
                            .th(.class("hide-phone"), "文化程度/在校"), .if(model.canEdit, .th("")))),
                    .tbody(
                        .forEach(model.members) { member in
                            .tr(
                                .if(member.departedOn != nil, .class("departed")),
                                .td(
                                    .text(member.name),
                                    .unwrap(member.departedOn) {
                                        .div(.class("muted small"), .text("已减员（\(member.departureReason ?? "")，\($0)）"))
                                    }),
                                .td(.text(member.relationToHead?.label ?? member.relation)),
                                .td(.class("hide-phone"), .text(member.sexValue?.label ?? member.sex)),
                                .td(
                                    .class("mono hide-phone"), .text(model.show(member.birthDate, field: "birth_date"))),
                                .td(
                                    .class("mono"), .attribute(named: "data-label", value: "身份证号"),
                                    .text(model.show(member.idNumber, field: "id_number"))),
                                .td(
                                    .attribute(named: "data-label", value: "劳动能力"),
                                    .text(member.labour?.label ?? member.labourCapacity)),
                                .td(
                                    .class("hide-phone"), .text(model.show(healthLabel(member.health), field: "health"))
                                ),
                                .td(.class("hide-phone"), .text(educationLabel(member))),
                                .if(
                                    model.canEdit && member.departedOn == nil,
                                    .td(
                                        .class("nowrap"),
                                        .unwrap(member.id) { id in
                                            .group(
                                                .a(.href(SiteRoute.memberEdit.path(id)), .text("修改")), .text(" "),
                                                .a(.href(SiteRoute.memberDeparture.path(id)), .text("减员")))
                                        }))
                            )
                        })
                ))
        )
    }

    static func healthLabel(_ raw: String) -> String {
        raw.split(separator: ",").map { HealthCondition(rawValue: String($0))?.label ?? String($0) }.joined(
            separator: "、")
    }

    static func educationLabel(_ member: Member) -> String {
        let education = member.educationLevel?.label ?? member.education
        guard let school = member.schoolStatus, let status = SchoolStatus(rawValue: school) else { return education }
        return "\(education) · \(status.label)"
    }
}

/// 收入变化 — the household's per-capita net income over time, as a small bar chart and a table.
enum IncomeHistory {
    static func node(_ records: [IncomeRecord], correctionBase: String? = nil) -> Node<HTML.BodyContext> {
        guard !records.isEmpty else {
            return .section(.class("card"), .h2(.text("收支情况")), .p(.class("muted"), .text("暂无收支记录。")))
        }
        let top = max(records.map(\.perCapitaNet).max() ?? 1, 1)
        return .section(
            .class("card"),
            .h2(.text("收支情况（人均纯收入）")),
            .div(
                .class("bars"),
                .forEach(records) { record in
                    let percent = max(2, Int(Double(max(record.perCapitaNet, 0)) / Double(top) * 100))
                    return .div(
                        .class("bar-row"),
                        .span(.class("bar-label"), .text(String(record.periodStart.prefix(4)))),
                        .span(.class("bar"), .style("width: \(percent)%")),
                        .span(.class("bar-value"), .text(DisplayFormat.yuan(fen: record.perCapitaNet)))
                    )
                }),
            .div(
                .class("table-wrap hide-phone"),
                .table(
                    .thead(
                        .tr(
                            .th("期间"), .th(.class("num"), "工资性"), .th(.class("num"), "生产经营性"),
                            .th(.class("num"), "财产性"), .th(.class("num"), "转移性"), .th(.class("num"), "生产经营费用"),
                            .th(.class("num"), "家庭纯收入"), .th(.class("num"), "人均纯收入"),
                            .if(correctionBase != nil, .th("操作")))),
                    .tbody(
                        .forEach(records) { record in
                            .tr(
                                .td(
                                    .class("nowrap"),
                                    .text(
                                        record.periodStart.hasSuffix("-01-01") && record.periodEnd.hasSuffix("-12-31")
                                            ? "\(record.periodStart.prefix(4)) 年"
                                            : "\(record.periodStart) 至 \(record.periodEnd)")),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.wage))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.business))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.property))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.transfer))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.productionCosts))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.netIncome))),
                                .td(.class("num"), .text(DisplayFormat.yuan(fen: record.perCapitaNet))),
                                .unwrap(correctionBase) { base in
                                    .td(.a(.href(base + "?year=" + record.periodStart.prefix(4)), .text("更正")))
                                }
                            )
                        })
                ))
        )
    }
}
