import Domain
import Plot

/// 区划浏览 — one area, its numbers and its children.
enum AreaPage {
    static func render(_ model: Model) -> String {
        Layout(
            title: model.area.name, pageID: "area", user: model.user,
            content: .group(
                .nav(
                    .class("crumbs"),
                    .forEach(model.crumbs) { crumb in
                        crumb.linked
                            ? .a(.href(SiteURL.area(code: crumb.code).path), .text(crumb.name))
                            : .span(.text(crumb.name))
                    }),
                .div(
                    .class("page-head"),
                    .h1(.text(model.area.name)),
                    .p(
                        .class("muted"),
                        .text(
                            "\(model.level.label) · 代码 \(model.area.code) · \(codeSystemLabel(model.area.codeSystem))"))
                ),
                StatCards.node(model.totals),
                .div(
                    .class("actions"),
                    .a(
                        .class("button"), .href(SiteURL.households(query: "area=\(model.area.code)").path),
                        .text("查看本区域农户")),
                    .forEach(model.canAddChildren) { level in
                        .a(
                            .class("button"),
                            .href(SiteURL.areaNewChild(parentCode: model.area.code).path + "?level=\(level.rawValue)"),
                            .text("新增\(level.label)"))
                    },
                    .if(
                        model.canEdit,
                        .a(.class("button"), .href(SiteURL.areaEdit(code: model.area.code).path), .text("修改名称")))
                ),
                .if(
                    !model.children.isEmpty,
                    .section(
                        .class("card"),
                        .h2(.text("下级区划（\(model.children.count)）")),
                        .div(
                            .class("table-wrap"),
                            .table(
                                .thead(
                                    .tr(
                                        .th("名称"), .th("层级"), .th(.class("hide-phone"), "代码"), .th(.class("num"), "农户"),
                                        .th(.class("num"), "人口"), .th(.class("num"), "监测对象"))),
                                .tbody(
                                    .forEach(model.children) { row in
                                        .tr(
                                            .td(.a(.href(SiteURL.area(code: row.code).path), .text(row.name))),
                                            .td(.text(row.level.label)),
                                            .td(.class("mono hide-phone"), .text(row.code)),
                                            .td(.class("num"), .text(row.counts.households.formatted())),
                                            .td(.class("num"), .text(row.counts.people.formatted())),
                                            .td(.class("num"), .text(row.counts.monitored.formatted()))
                                        )
                                    })
                            ))
                    )),
                AuditHistory.node(model.history)
            )
        ).render()
    }

    static func codeSystemLabel(_ system: String) -> String {
        switch system {
        case "mca-2025": return "民政部区划代码（2025）"
        case Area.localCodeSystem: return "本县编码"
        default: return system
        }
    }
}
