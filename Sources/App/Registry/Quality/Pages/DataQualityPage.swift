import Domain
import Plot

/// 数据质量核查页
enum DataQualityPage {
    static func render(
        user: CurrentUser, areaName: String, areaCode: String, counts: [DataQualityRule: Int], rule: DataQualityRule?,
        findings: [DataQualityService.Finding], total: Int
    ) -> String {
        let base = SiteRoute.dataQuality.path() + "?area=\(areaCode)"
        return Layout(
            title: "数据质量核查", pageID: "quality", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("数据质量核查 · \(areaName)")),
                    .p(.class("muted"), .text("按全国防返贫监测信息系统的常见核查规则逐户检查。点击户主可核实并修改。"))),
                .div(
                    .class("card table-wrap"),
                    .table(
                        .thead(.tr(.th("核查规则"), .th(.class("num"), "问题数"))),
                        .tbody(
                            .tr(
                                .td(.a(.href(base), .text(rule == nil ? "▶ 全部" : "全部"))),
                                .td(.class("num"), .text(counts.values.reduce(0, +).formatted()))),
                            .forEach(DataQualityRule.allCases) { item in
                                .tr(
                                    .td(
                                        .a(
                                            .href(base + "&rule=\(item.rawValue)"),
                                            .text((rule == item ? "▶ " : "") + item.label))),
                                    .td(.class("num"), .text((counts[item] ?? 0).formatted())))
                            }
                        )
                    )),
                .div(
                    .class("card"),
                    .h2(
                        .text(
                            total > findings.count
                                ? "问题明细（前 \(findings.count) 条，共 \(total.formatted()) 条）"
                                : "问题明细（\(total.formatted()) 条）")),
                    findings.isEmpty
                        ? .p(.class("muted"), .text("没有发现问题。"))
                        : .div(
                            .class("table-wrap"),
                            .table(
                                .thead(.tr(.th("户编号"), .th("户主"), .th("规则"), .th("成员"), .th("说明"))),
                                .tbody(
                                    .forEach(findings) { item in
                                        .tr(
                                            .td(.class("mono"), .text(item.householdNumber)),
                                            .td(
                                                .a(
                                                    .href(SiteURL.household(id: item.householdID).path),
                                                    .text(item.headName))),
                                            .td(.text(item.finding.rule.label)),
                                            .td(.text(item.finding.memberName ?? "—")),
                                            .td(.text(item.finding.detail))
                                        )
                                    })
                            ))
                )
            )
        ).render()
    }
}
