import Domain
import Foundation
import Plot

/// The buttons of a household page, by what the viewer may do.
enum HouseholdActions {
    static func node(_ model: HouseholdPage.Model) -> Node<HTML.BodyContext> {
        guard let id = model.household.id, model.canEdit || model.canVisit || !model.contactCandidates.isEmpty else {
            return .empty
        }
        return .section(
            .class("card"),
            .div(
                .class("actions"),
                .if(model.canVisit, .a(.class("button primary"), .href(SiteRoute.visitNew.path(id)), .text("登记走访"))),
                .if(model.canVisit, .a(.class("button"), .href(SiteRoute.leadNew.path(id)), .text("登记线索"))),
                .if(model.canEdit, .a(.class("button"), .href(SiteRoute.incomeNew.path(id)), .text("登记收支"))),
                .if(model.canEdit, .a(.class("button"), .href(SiteRoute.householdEdit.path(id)), .text("修改户信息"))),
                .if(model.canEdit, .a(.class("button"), .href(SiteRoute.memberNew.path(id)), .text("新增成员")))
            ),
            .p(.class("muted small"), .text("监测联系人：" + (model.contact?.displayName ?? "未安排"))),
            .if(
                !model.contactCandidates.isEmpty,
                .form(
                    .class("inline-form"), .action(SiteRoute.contact.path(id)), .method(.post),
                    CSRFField(user: model.user).node,
                    FormControls.select(
                        name: "user_id", label: "监测联系人",
                        options: model.contactCandidates.compactMap { user in
                            user.id.map { ($0.uuidString, user.displayName) }
                        }, selected: model.contact?.id?.uuidString),
                    .button(.type(.submit), .text("安排联系人"))
                ))
        )
    }
}

/// 两不愁三保障及饮水安全 on the household page: the latest status of each, and the dated history.
enum GuaranteeSection {
    static func node(_ model: HouseholdPage.Model) -> Node<HTML.BodyContext> {
        let latest = Dictionary(grouping: model.guarantees, by: \.kind).compactMapValues(\.first)
        let base = model.household.id.map { SiteRoute.guaranteeNew.path($0) } ?? "#"
        return .section(
            .class("card"),
            .h2(.text("两不愁三保障及饮水安全")),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(.tr(.th("项目"), .th("状态"), .th("评估日期"), .th("说明"), .th(""))),
                    .tbody(
                        .forEach(GuaranteeKind.allCases) { kind in
                            let record = latest[kind.rawValue]
                            return .tr(
                                .td(.text(kind.label)),
                                .td(
                                    record.map {
                                        $0.secured
                                            ? .span(.class("badge ok"), .text("达标"))
                                            : .span(.class("badge bad"), .text("未达标"))
                                    } ?? .span(.class("muted"), .text("未评估"))),
                                .td(.class("mono"), .text(record?.assessedOn ?? "—")),
                                .td(.text(record.map(detail) ?? "")),
                                .td(.if(model.canEdit, .a(.href(base + "?kind=\(kind.rawValue)"), .text("评估"))))
                            )
                        })
                )),
            .if(
                model.guarantees.count > latest.count,
                .details(
                    .summary(.text("历次评估（\(model.guarantees.count)）")),
                    .ul(
                        .forEach(model.guarantees) { record in
                            .li(
                                .text(
                                    "\(record.assessedOn) \(GuaranteeKind(rawValue: record.kind)?.label ?? record.kind)：\(record.secured ? "达标" : "未达标") \(detail(record))（\(record.recordedBy)）"
                                ))
                        })
                ))
        )
    }

    static func detail(_ record: GuaranteeRecord) -> String {
        var parts: [String] = []
        if let grade = record.housingGrade { parts.append("\(grade) 级") }
        if let quantity = record.waterQuantity, let quality = record.waterQuality,
            let convenience = record.waterConvenience, let reliability = record.waterReliability
        {
            parts +=
                WaterCriteria(
                    enoughQuantity: quantity, qualityTested: quality, convenient: convenience, reliable: reliability
                ).unmet
        }
        if !record.note.isEmpty { parts.append(record.note) }
        return parts.joined(separator: "；")
    }
}

/// 风险线索 of the household, open ones first.
enum HouseholdLeadSection {
    static func node(_ model: HouseholdPage.Model) -> Node<HTML.BodyContext> {
        guard !model.leads.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("风险线索（\(model.leads.count)）")),
            .ul(
                .class("visits"),
                .forEach(model.leads) { lead in
                    .li(
                        .a(.href(SiteRoute.lead.path(lead.id ?? UUID())), .text(lead.risk?.label ?? lead.riskType)),
                        .span(
                            .class("muted"),
                            .text(
                                " · \(lead.leadChannel?.label ?? lead.channel) · \(lead.leadState?.label ?? lead.state) · \(DisplayFormat.minute(lead.receivedAt))"
                            )))
                })
        )
    }
}

/// 走访记录 on the household page.
enum VisitSection {
    static func node(_ model: HouseholdPage.Model) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("走访记录")),
            model.visits.isEmpty
                ? .p(.class("muted"), .text("暂无走访记录。"))
                : .ul(
                    .class("visits"),
                    .forEach(model.visits) { visit in
                        let risks = visit.risks.split(separator: ",").compactMap {
                            RiskType(rawValue: String($0))?.label
                        }
                        return .li(
                            .div(
                                .strong(.text(visit.visitedOn)),
                                .span(
                                    .class("muted"),
                                    .text(
                                        " \(visit.visitorName)（\(Role(rawValue: visit.visitorRole)?.label ?? visit.visitorRole)）"
                                    ))),
                            .div(.text(visit.findings)),
                            .if(
                                !risks.isEmpty,
                                .div(
                                    .class("risk"), .span(.class("badge bad"), .text("报告风险")),
                                    .text(" " + risks.joined(separator: "、") + "：" + visit.riskNote)))
                        )
                    })
        )
    }
}
