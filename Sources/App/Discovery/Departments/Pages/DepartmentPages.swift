import Domain
import Foundation
import Plot

/// 部门数据交换 pages.
enum DepartmentPages {
    static func index(
        user: CurrentUser, status: (kinds: [DepartmentService.KindStatus], batches: [DepartmentBatch]), error: String?
    ) -> String {
        let uploadable = status.kinds.filter(\.canUpload)
        return Layout(
            title: "部门数据交换", pageID: "departments", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("部门数据交换")),
                    .p(.class("muted"), .text("行业部门按约定频次报送数据；系统按身份证号匹配农户成员并立即筛查。同一数据重复报送不会重复入库。"))),
                .if(
                    !uploadable.isEmpty,
                    .div(
                        .class("card"),
                        .h2(.text("报送数据")),
                        .unwrap(error) { .p(.class("flash-error"), .text($0)) },
                        .form(
                            .action(SiteRoute.departmentBatches.path()), .method(.post), .enctype(.multipartData),
                            CSRFField(user: user).node,
                            FormControls.select(
                                name: "kind", id: "kind", label: "数据类别",
                                options: uploadable.map {
                                    ($0.kind.rawValue, "\($0.kind.department.label) · \($0.kind.label)")
                                }, selected: nil),
                            .label(.for("file"), .text("数据文件（.xlsx 或 .csv，首行为列名）")),
                            .input(
                                .type(.file), .id("file"), .name("file"),
                                .attribute(named: "accept", value: ".xlsx,.csv"), .required(true)),
                            .button(.type(.submit), .class("primary"), .text("上传并匹配"))
                        ),
                        .p(
                            .class("muted small"), .text("模板："),
                            .forEach(uploadable) { item in
                                .group(
                                    .a(
                                        .href(SiteRoute.departmentTemplate.path(item.kind.rawValue)),
                                        .text(item.kind.label)), .text(" "))
                            })
                    )),
                .div(
                    .class("card table-wrap"), .h2(.text("报送情况")),
                    .table(
                        .thead(.tr(.th("部门"), .th("数据类别"), .th("约定频次"), .th("最近报送"), .th("状态"))),
                        .tbody(
                            .forEach(status.kinds) { item in
                                .tr(
                                    .td(.text(item.kind.department.label)), .td(.text(item.kind.label)),
                                    .td(.text(item.pattern?.label ?? "未约定")),
                                    .td(.class("nowrap"), .text(item.lastReceived.map(DisplayFormat.minute) ?? "从未报送")),
                                    .td(
                                        item.isLate
                                            ? .span(.class("badge bad"), .text("逾期未报"))
                                            : .span(.class("badge ok"), .text("按时"))))
                            })
                    )),
                .if(
                    user.role.may(.setExchangeCadences),
                    .form(
                        .class("card inline-form"), .action(SiteRoute.departmentCadences.path()), .method(.post),
                        CSRFField(user: user).node,
                        .text(user.role == .admin ? "调整报送频次（区划代码留空为全国）：" : "调整本县报送频次（未调整的沿用上级约定）："),
                        FormControls.select(
                            name: "department", label: "部门",
                            options: Department.allCases.map { ($0.rawValue, $0.label) }, selected: nil),
                        FormControls.select(
                            name: "pattern", label: "方式",
                            options: ExchangePattern.kindLabels.map { ($0.kind, $0.label) }, selected: nil),
                        .input(
                            .type(.text), .name("value"), .placeholder("天数/星期几(1–7)/几日"),
                            .attribute(named: "inputmode", value: "numeric"),
                            .attribute(named: "aria-label", value: "数值")),
                        .if(
                            user.role == .admin,
                            .input(
                                .type(.text), .name("scope"), .placeholder("区划代码"),
                                .attribute(named: "aria-label", value: "区划代码"))),
                        .button(.type(.submit), .text("保存"))
                    )),
                .if(
                    !status.batches.isEmpty,
                    .div(
                        .class("card table-wrap"), .h2(.text("报送记录")),
                        .table(
                            .thead(
                                .tr(
                                    .th("时间"), .th("类别"), .th("文件"), .th("状态"), .th(.class("num"), "行数"),
                                    .th(.class("num"), "新增"), .th(.class("num"), "未匹配"))),
                            .tbody(
                                .forEach(status.batches.prefix(50)) { batch in
                                    .tr(
                                        .td(.class("nowrap"), .text(DisplayFormat.minute(batch.receivedAt))),
                                        .td(.text(batch.eventKind?.label ?? batch.kind)),
                                        .td(
                                            .a(
                                                .href(SiteRoute.departmentBatch.path(batch.id ?? UUID())),
                                                .text(batch.fileName))),
                                        .td(
                                            batch.status == "accepted"
                                                ? .span(.class("badge ok"), .text("已接收"))
                                                : .span(.class("badge bad"), .text("已退回"))),
                                        .td(.class("num"), .text(batch.rowCount.formatted())),
                                        .td(.class("num"), .text(batch.newEvents.formatted())),
                                        .td(.class("num"), .text(batch.unmatched.formatted())))
                                })
                        )))
            )
        ).render()
    }

    static func batch(user: CurrentUser, batch: DepartmentBatch) -> String {
        let problems = (try? JSONDecoder().decode([ImportProblem].self, from: Data(batch.problemsJSON.utf8))) ?? []
        let unmatched =
            (try? JSONDecoder().decode([DepartmentIngest.Unmatched].self, from: Data(batch.unmatchedJSON.utf8))) ?? []
        let kind = batch.eventKind
        return Layout(
            title: "报送批次", pageID: "department-batch", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("\(kind?.label ?? batch.kind) · \(batch.fileName)")),
                    .p(
                        .class("muted"),
                        .text(
                            "\(kind?.department.label ?? batch.department) · \(batch.username) · \(DisplayFormat.minute(batch.receivedAt))"
                        ))),
                .div(
                    .class("card"),
                    batch.status == "accepted"
                        ? .p(
                            .span(.class("badge ok"), .text("已接收")),
                            .text(
                                " 共 \(batch.rowCount) 行：新增 \(batch.newEvents) 条，此前已报送 \(batch.repeatedEvents) 条；匹配到农户成员 \(batch.matched) 条，未匹配 \(batch.unmatched) 条。新数据已立即参与筛查。"
                            ))
                        : .p(
                            .span(.class("badge bad"), .text("已退回")),
                            .text(" 文件有 \(problems.count) 处问题，未接收任何数据。请修改后重新报送。"))),
                .if(
                    !problems.isEmpty,
                    .div(
                        .class("card table-wrap"), .h2(.text("问题清单")),
                        .table(
                            .thead(.tr(.th(.class("num"), "行"), .th("列"), .th("值"), .th("问题"))),
                            .tbody(
                                .forEach(problems.prefix(500)) { problem in
                                    .tr(
                                        .td(.class("num"), .text(String(problem.row))), .td(.text(problem.column)),
                                        .td(.class("mono"), .text(problem.value)), .td(.text(problem.reason)))
                                })
                        ))),
                .if(
                    !unmatched.isEmpty,
                    .div(
                        .class("card table-wrap"), .h2(.text("未匹配到本辖区农户成员（请核对）")),
                        .table(
                            .thead(.tr(.th(.class("num"), "行"), .th("姓名"), .th("身份证号"))),
                            .tbody(
                                .forEach(unmatched.prefix(500)) { row in
                                    .tr(
                                        .td(.class("num"), .text(String(row.row))), .td(.text(row.name)),
                                        .td(
                                            .class("mono"),
                                            .text(PersonalField.display(row.idNumber, field: "id_number", full: false)))
                                    )
                                })
                        ))),
                .p(.a(.href(SiteRoute.departments.path()), .text("← 返回部门数据交换")))
            )
        ).render()
    }
}
