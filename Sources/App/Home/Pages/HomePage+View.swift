import Domain
import Plot

/// 首页 — each role's workbench: their area at a glance and where to go next.
enum HomePage {
    static func render(_ model: Model) -> String {
        Layout(
            title: "工作台", pageID: "home", user: model.user,
            content: .group(
                .div(
                    .class("page-head"),
                    .h1(.text("\(model.user.role.label)工作台")),
                    .p(.class("muted"), .text(model.areaPath))
                ),
                StatCards.node(model.totals),
                .unwrap(model.leads) { leads in
                    .div(
                        .class("card lead-summary"),
                        .a(
                            .href(SiteRoute.leads.path() + "?state=open"),
                            .strong(.text("办理中线索 \(leads.open.formatted()) 条"))),
                        .text(" · "),
                        .a(
                            .class(leads.overdue > 0 ? "overdue" : ""), .href(SiteRoute.leadWarning.path()),
                            .text("已超期 \(leads.overdue.formatted()) 条")))
                },
                .if(!model.households.isEmpty, householdsTable(model.households)),
                .if(!model.children.isEmpty, childrenTable(model)),
                shortcuts(for: model.user)
            )
        ).render()
    }

    private static func childrenTable(_ model: Model) -> Node<HTML.BodyContext> {
        // Below a village, groups and grids sit side by side; elsewhere every child has the same level, and a phone
        // needs the column's width for the counts.
        let oneLevel = Set(model.children.map(\.level)).count <= 1
        return .section(
            .class("card"),
            .h2(.text("下级区划")),
            .div(
                .class("table-wrap"),
                .table(
                    .thead(
                        .tr(
                            .th("名称"), .th(.if(oneLevel, .class("hide-phone")), "层级"), .th(.class("num"), "农户"),
                            .th(.class("num"), "人口"), .th(.class("num"), "脱贫户"), .th(.class("num"), "监测对象"))),
                    .tbody(
                        .forEach(model.children) { row in
                            .tr(
                                .td(.a(.href(SiteURL.area(code: row.code).path), .text(row.name))),
                                .td(.if(oneLevel, .class("hide-phone")), .text(row.level.label)),
                                .td(.class("num"), .text(row.counts.households.formatted())),
                                .td(.class("num"), .text(row.counts.people.formatted())),
                                .td(.class("num"), .text(row.counts.alleviated.formatted())),
                                .td(.class("num"), .text(row.counts.monitored.formatted()))
                            )
                        })
                )
            )
        )
    }

    private static func title(for count: Int) -> String { "我的走访清单（\(count) 户，久未走访的在前）" }

    private static func householdsTable(_ rows: [HouseholdRow]) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text(title(for: rows.count))),
            .ul(
                .class("household-list"),
                .forEach(rows) { row in
                    .li(
                        .a(
                            .href(SiteURL.household(id: row.id).path),
                            .strong(.text(row.headName)), .span(.class("muted"), .text(" 户编号 \(row.number)"))),
                        .div(
                            .class("muted small"),
                            .text(
                                "\(row.type) · \(row.memberCount) 人 · \(row.status) · "
                                    + (row.lastVisit.map { "最近走访 \($0)" } ?? "尚未走访")))
                    )
                }),
            .p(.a(.href(SiteURL.households(query: nil).path), .text("查看全部农户 →")))
        )
    }

    private static func shortcuts(for user: CurrentUser) -> Node<HTML.BodyContext> {
        var links: [(String, String)] = [
            (SiteURL.households(query: nil).path, "查询农户"),
            (SiteURL.area(code: user.areaCode.value).path, "浏览区划"),
        ]
        if user.role.canManageUsers { links.append((SiteURL.users.path, "管理用户")) }
        if user.role.canReadAuditLog { links.append((SiteURL.audit.path, "操作日志")) }
        return .section(
            .class("card"),
            .h2(.text("常用功能")),
            .div(.class("shortcuts"), .forEach(links) { .a(.class("button"), .href($0.0), .text($0.1)) })
        )
    }
}

/// The four headline numbers of an area.
enum StatCards {
    static func node(_ counts: HouseholdCounts) -> Node<HTML.BodyContext> {
        let cards: [(String, Int)] = [
            ("农户", counts.households), ("人口", counts.people), ("脱贫户", counts.alleviated), ("监测对象", counts.monitored),
        ]
        return .div(
            .class("stats"),
            .forEach(cards) { card in
                .div(
                    .class("stat"), .div(.class("stat-value"), .text(card.1.formatted())),
                    .div(.class("stat-label"), .text(card.0)))
            })
    }
}
