import Domain
import Foundation
import Plot

/// 登记表导入 pages: the upload form with recent batches, and one batch's preview or result.
enum ImportPages {
    static func index(user: CurrentUser, batches: [ImportBatch], error: String? = nil) -> String {
        Layout(
            title: "导入登记表", pageID: "imports", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text("导入登记表")),
                    .p(.class("muted"), .text("每行一名成员，户信息在同户各行重复。先检查后导入：文件有任何问题都不会导入任何数据；同一文件重复导入不会产生重复记录。"))),
                .div(
                    .class("card"),
                    .unwrap(error) { .p(.class("flash-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .form(
                        .action(SiteRoute.imports.path()), .method(.post), .enctype(.multipartData),
                        CSRFField(user: user).node,
                        .label(.for("file"), .text("登记表文件（.xlsx，或 UTF-8 / GB18030 编码的 .csv）")),
                        .input(
                            .type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"),
                            .required(true)),
                        .button(.type(.submit), .class("primary"), .text("上传并检查"))
                    ),
                    .p(
                        .class("muted small"),
                        .text(
                            "列名："
                                + RegistryColumn.allCases.map { $0.header + ($0.isRequired ? "*" : "") }.joined(
                                    separator: "、")),
                        .a(.href(SiteRoute.householdExport.path() + "?format=xlsx"), .text("（可先导出现有登记表作为模板）")))
                ),
                .if(
                    !batches.isEmpty,
                    .div(
                        .class("card table-wrap"),
                        .table(
                            .thead(
                                .tr(
                                    .th("上传时间"), .th("文件"), .th("上传人"), .th("状态"), .th(.class("num"), "行数"),
                                    .th(.class("num"), "问题"))),
                            .tbody(
                                .forEach(batches) { batch in
                                    .tr(
                                        .td(.class("nowrap"), .text(batch.createdAt.map(DisplayFormat.minute) ?? "")),
                                        .td(
                                            .a(
                                                .href(SiteRoute.importBatch.path(batch.id ?? UUID())),
                                                .text(batch.fileName))),
                                        .td(.text(batch.username)),
                                        .td(statusBadge(batch.status)),
                                        .td(.class("num"), .text(batch.rowCount.formatted())),
                                        .td(.class("num"), .text(batch.problemCount.formatted()))
                                    )
                                })
                        )))
            )
        ).render()
    }

    static func preview(user: CurrentUser, batch: ImportBatch) -> String {
        let id = batch.id?.uuidString.lowercased() ?? ""
        let problems = batch.problems
        let counts: [(String, Int)] = [
            ("数据行", batch.rowCount), ("新增农户", batch.newHouseholds), ("更新农户", batch.changedHouseholds),
            ("无变化农户", batch.unchangedHouseholds), ("新增成员", batch.newMembers), ("更新成员", batch.changedMembers),
        ]
        return Layout(
            title: "导入检查：\(batch.fileName)", pageID: "import-preview", user: user,
            content: .group(
                .div(
                    .class("page-head"), .h1(.text(batch.fileName)),
                    .p(
                        .class("muted"),
                        .text(
                            "上传人 \(batch.username) · \(batch.createdAt.map(DisplayFormat.minute) ?? "")\(batch.encoding.map { " · 编码 \($0)" } ?? "")"
                        ))),
                .div(
                    .class("card"), .p(statusBadge(batch.status), .text(" " + statusText(batch))),
                    .div(
                        .class("stats"),
                        .forEach(counts) {
                            .div(
                                .class("stat"), .div(.class("stat-value"), .text($0.1.formatted())),
                                .div(.class("stat-label"), .text($0.0)))
                        }),
                    .if(!batch.notes.isEmpty, .ul(.class("muted small"), .forEach(batch.notes) { .li(.text($0)) })),
                    .if(
                        batch.status == ImportBatch.Status.previewed.rawValue,
                        .form(
                            .action(SiteRoute.importCommit.path(id)), .method(.post), CSRFField(user: user).node,
                            .button(.type(.submit), .class("primary"), .id("commit-import"), .text("确认导入"))
                        ))),
                .if(
                    !problems.isEmpty,
                    .div(
                        .class("card"),
                        .div(
                            .class("section-head"), .h2(.text("问题清单（共 \(batch.problemCount.formatted()) 条）")),
                            .a(.class("button"), .href(SiteRoute.importProblems.path(id)), .text("下载完整问题清单"))),
                        .div(
                            .class("table-wrap"),
                            .table(
                                .class("problems"),
                                .thead(.tr(.th(.class("num"), "行"), .th("列"), .th("值"), .th("问题"))),
                                .tbody(
                                    .forEach(problems.prefix(500)) { problem in
                                        .tr(
                                            .td(.class("num"), .text(String(problem.row))),
                                            .td(.class("nowrap"), .text(problem.column)),
                                            .td(.class("mono"), .text(problem.value)), .td(.text(problem.reason)))
                                    })
                            ))
                    )),
                .p(.a(.href(SiteRoute.imports.path()), .text("← 返回导入")))
            )
        ).render()
    }

    private static func statusBadge(_ status: String) -> Node<HTML.BodyContext> {
        switch ImportBatch.Status(rawValue: status) {
        case .previewed: .span(.class("badge"), .text("待确认"))
        case .refused: .span(.class("badge bad"), .text("有问题，未导入"))
        case .committed: .span(.class("badge ok"), .text("已导入"))
        case nil: .span(.class("badge"), .text(status))
        }
    }

    private static func statusText(_ batch: ImportBatch) -> String {
        switch ImportBatch.Status(rawValue: batch.status) {
        case .previewed: "检查通过。确认后将一次性导入；导入前会按当时的登记库再核对一遍。"
        case .refused: "文件有 \(batch.problemCount) 个问题，没有导入任何数据。请按问题清单修改后重新上传。"
        case .committed: "已于 \(batch.committedAt.map(DisplayFormat.minute) ?? "") 导入。"
        case nil: ""
        }
    }
}
