import Domain
import Foundation
import Plot

/// 操作日志页
enum AuditPage {
    static func render(
        viewer: CurrentUser, events: [AuditEvent], rows: [AuditRow], offset: Int, pageSize: Int
    ) -> String {
        Layout(
            title: "操作日志", pageID: "audit", user: viewer,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("操作日志")), .p(.class("muted"), .text("本辖区内的全部修改、登录与完整个人信息查看记录，只增不改。"))
                ),
                .div(
                    .class("card table-wrap"),
                    .table(
                        .class("stack"),
                        .thead(.tr(.th("时间"), .th("操作人"), .th("对象"), .th("内容"))),
                        .tbody(
                            .forEach(Array(zip(events, rows))) { event, row in
                                .tr(
                                    .td(.class("mono nowrap"), .text(DisplayFormat.minute(row.occurredAt))),
                                    .td(.text(row.actorName)),
                                    .td(link(for: event)),
                                    .td(
                                        .class("wide"), .text(row.summary),
                                        .if(
                                            !row.changes.isEmpty,
                                            .div(
                                                .class("muted small"),
                                                .text(
                                                    row.changes.map {
                                                        "\($0.field)：\($0.before.isEmpty ? "（空）" : $0.before) → \($0.after.isEmpty ? "（空）" : $0.after)"
                                                    }.joined(separator: "；")))))
                                )
                            })
                    )),
                .div(
                    .class("pager"),
                    .if(
                        offset > 0,
                        .a(
                            .class("button"), .href(SiteURL.audit.path + "?offset=\(max(0, offset - pageSize))"),
                            .text("较新"))),
                    .if(
                        events.count == pageSize,
                        .a(.class("button"), .href(SiteURL.audit.path + "?offset=\(offset + pageSize)"), .text("较早")))
                )
            )
        ).render()
    }

    private static func link(for event: AuditEvent) -> Node<HTML.BodyContext> {
        switch event.entityType {
        case Household.auditEntityType:
            guard let id = UUID(uuidString: event.entityID) else { break }
            return .a(.href(SiteURL.household(id: id).path), .text("农户"))
        case Area.auditEntityType:
            return .a(.href(SiteURL.area(code: event.entityID).path), .text("区划 \(event.entityID)"))
        case "risk_lead":
            return .a(.href(SiteRoute.lead.path(event.entityID.lowercased())), .text("风险线索"))
        case User.auditEntityType:
            guard let id = UUID(uuidString: event.entityID) else { return .text("用户") }
            return .a(.href(SiteURL.user(id: id).path), .text("用户"))
        default:
            break
        }
        return .text(AuditFieldLabels.entityName(event.entityType))
    }
}
