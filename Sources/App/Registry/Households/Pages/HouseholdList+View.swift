import Domain
import Plot

/// 农户查询 — search and page through the households of one's area.
enum HouseholdListPage {
    struct Model {
        let user: CurrentUser
        let search: HouseholdSearch
        let rows: [Household]
        let total: Int
        let areaNames: [String: String]
    }

    static func render(_ model: Model) -> String {
        let search = model.search
        return Layout(
            title: "农户查询", pageID: "households", user: model.user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("农户查询")),
                    .p(.class("muted"), .text("共 \(model.total.formatted()) 户"))),
                .div(
                    .class("actions"),
                    FormControls.exportLink(exportPath(model.search, format: "xlsx"), label: "导出 Excel"),
                    FormControls.exportLink(exportPath(model.search, format: "csv"), label: "导出 CSV"),
                    .if(
                        model.user.role.canImportRegistry,
                        .a(.class("button"), .href(SiteRoute.imports.path()), .text("导入登记表"))),
                    .if(
                        model.user.role.canReadDataQuality,
                        .a(.class("button"), .href(SiteRoute.dataQuality.path()), .text("数据质量核查")))
                ),
                .form(
                    .class("card filters"), .action(SiteURL.households(query: nil).path), .method(.get),
                    .input(
                        .type(.search), .name("q"), .formValue(search.q ?? ""), .placeholder("姓名、身份证号或户编号"),
                        .attribute(named: "aria-label", value: "搜索")),
                    FormControls.select(
                        name: "type", label: "户类型",
                        options: [("", "全部户类型")] + HouseholdType.allCases.map { ($0.rawValue, $0.label) },
                        selected: search.type),
                    FormControls.select(
                        name: "status", label: "监测状态",
                        options: [("", "全部监测状态")] + HouseholdMonitoringStatus.allCases.map { ($0.rawValue, $0.label) },
                        selected: search.status),
                    .unwrap(search.area.flatMap { $0.isEmpty ? nil : $0 }) {
                        .input(.type(.hidden), .name("area"), .formValue($0))
                    },
                    .button(.type(.submit), .class("primary"), .text("查询"))
                ),
                model.rows.isEmpty
                    ? .p(.class("card muted"), .text("没有符合条件的农户。"))
                    : .div(
                        .class("card table-wrap"),
                        .table(
                            .class("households stack"),
                            .thead(
                                .tr(.th("户编号"), .th("户主"), .th("村"), .th("户类型"), .th(.class("num"), "人口"), .th("监测状态"))),
                            .tbody(
                                .forEach(model.rows) { row in
                                    .tr(
                                        .td(.class("mono"), .text(row.householdNumber)),
                                        .td(
                                            .a(
                                                .href(row.id.map { SiteURL.household(id: $0).path } ?? "#"),
                                                .text(row.headName))),
                                        .td(
                                            .class("nowrap"), .text(model.areaNames[row.villageCode] ?? row.villageCode)
                                        ),
                                        .td(
                                            .attribute(named: "data-label", value: "户类型"),
                                            .text(
                                                HouseholdType(rawValue: row.householdType)?.label ?? row.householdType)),
                                        .td(
                                            .class("num"), .attribute(named: "data-label", value: "人口"),
                                            .text("\(row.memberCount)")),
                                        .td(
                                            .attribute(named: "data-label", value: "监测状态"),
                                            .text(
                                                HouseholdMonitoringStatus(rawValue: row.monitoringStatus)?.label
                                                    ?? row.monitoringStatus))
                                    )
                                })
                        )
                    ),
                pager(model)
            )
        ).render()
    }

    private static func exportPath(_ search: HouseholdSearch, format: String) -> String {
        var parts = ["format=\(format)"]
        for (key, value) in [("q", search.q), ("type", search.type), ("status", search.status), ("area", search.area)] {
            if let value, !value.isEmpty { parts.append("\(key)=\(SiteURL.escape(value))") }
        }
        return SiteRoute.householdExport.path() + "?" + parts.joined(separator: "&")
    }

    private static func pager(_ model: Model) -> Node<HTML.BodyContext> {
        let limit = model.search.pageLimit, offset = model.search.pageOffset
        func link(_ newOffset: Int, _ label: String) -> Node<HTML.BodyContext> {
            var parts = ["offset=\(newOffset)"]
            for (key, value) in [
                ("q", model.search.q), ("type", model.search.type), ("status", model.search.status),
                ("area", model.search.area),
            ] {
                if let value, !value.isEmpty { parts.append("\(key)=\(SiteURL.escape(value))") }
            }
            return .a(
                .class("button"), .href(SiteURL.households(query: parts.joined(separator: "&")).path), .text(label))
        }
        let page = offset / limit + 1, pages = max(1, (model.total + limit - 1) / limit)
        return .div(
            .class("pager"),
            .if(offset > 0, link(max(0, offset - limit), "上一页")),
            .span(.class("muted"), .text("第 \(page) / \(pages) 页")),
            .if(offset + limit < model.total, link(offset + limit, "下一页"))
        )
    }
}
