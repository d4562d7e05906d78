import Domain
import Foundation
import Plot

/// 用户管理 — the administrator's list of accounts in their area.
enum UserListPage {
    struct Row {
        let user: User
        let areaName: String
        var locked = false
    }

    static func render(viewer: CurrentUser, rows: [Row]) -> String {
        Layout(
            title: "用户管理", pageID: "users", user: viewer,
            content: .group(
                .div(.class("page-head"), .h1(.text("用户管理")), .p(.class("muted"), .text("共 \(rows.count) 个账号"))),
                .div(.class("actions"), .a(.class("button primary"), .href(SiteURL.userNew.path), .text("新增用户"))),
                .div(
                    .class("card table-wrap"),
                    .table(
                        .class("stack"),
                        .thead(.tr(.th("用户名"), .th("姓名"), .th("角色"), .th("所属区划"), .th("部门"), .th("状态"))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(
                                        .a(
                                            .href(row.user.id.map { SiteURL.user(id: $0).path } ?? "#"),
                                            .text(row.user.username))),
                                    .td(.text(row.user.displayName)),
                                    .td(.text(Role(rawValue: row.user.role)?.label ?? row.user.role)),
                                    .td(.text(row.areaName)),
                                    .td(.text(row.user.department.flatMap(Department.init(rawValue:))?.label ?? "—")),
                                    .td(.text(row.user.isActive ? (row.locked ? "已锁定" : "启用") : "停用"))
                                )
                            })
                    ))
            )
        ).render()
    }
}

/// 新增或修改用户
struct UserForm {
    struct Values {
        var username = ""
        var displayName = ""
        var role = ""
        var areaCode = ""
        var department = ""
        var phone = ""
        var isActive = true
    }

    let viewer: CurrentUser
    let action: String
    let isNew: Bool
    var values = Values()
    var problems: [FieldProblem] = []
    var history: [AuditRow] = []
    /// Until when repeated failed sign-ins lock the account (nil when not locked), and the failures counted so far.
    var lockedUntil: Date?
    var failedLogins = 0

    func render() -> String {
        let title = isNew ? "新增用户" : "修改用户 \(values.username)"
        return Layout(
            title: title, pageID: "user-form", user: viewer,
            content: .group(
                .div(
                    .class("card"),
                    .h1(.text(title)),
                    .if(
                        !problems.isEmpty,
                        .div(
                            .class("flash-error"), .attribute(named: "role", value: "alert"),
                            .p(.text("未保存，请修改以下问题：")),
                            .ul(.forEach(problems) { .li(.text($0.message)) })
                        )),
                    .form(
                        .action(action), .method(.post),
                        CSRFField(user: viewer).node,
                        field("username", "用户名", value: values.username, readonly: !isNew),
                        field("display_name", "姓名", value: values.displayName),
                        .label(.for("role"), .text("角色")),
                        FormControls.select(
                            name: "role", id: "role", label: "角色",
                            options: [("", "请选择")] + Role.allCases.map { ($0.rawValue, $0.label) },
                            selected: values.role),
                        field("area_code", "所属区划代码", value: values.areaCode, hint: "12 位区划代码；网格为 15 位。须在您的管辖范围内。"),
                        .label(.for("department"), .text("部门（行业部门用户）")),
                        FormControls.select(
                            name: "department", id: "department", label: "部门",
                            options: [("", "无")] + Department.allCases.map { ($0.rawValue, $0.label) },
                            selected: values.department),
                        field("phone", "手机号", value: values.phone),
                        .label(.for("password"), .text(isNew ? "初始密码" : "重置密码（留空则不改）")),
                        .input(
                            .type(.password), .id("password"), .name("password"),
                            .attribute(named: "autocomplete", value: "new-password")),
                        .if(
                            !isNew,
                            .label(
                                .class("check"),
                                .input(.type(.checkbox), .name("is_active"), .value("on"), .checked(values.isActive)),
                                .text(" 启用账号"))),
                        .button(.type(.submit), .class("primary"), .text("保存"))
                    )
                ),
                .if(!isNew && (lockedUntil != nil || failedLogins > 0), lockCard),
                .if(!isNew, AuditHistory.node(history))
            )
        ).render()
    }

    /// The sign-in lock and the button that ends it.
    private var lockCard: Node<HTML.BodyContext> {
        .div(
            .class("card"), .id("lock"),
            .h2(.text("登录锁定")),
            .p(
                .text(
                    lockedUntil.map { "连续登录失败，账号锁定至 \(DisplayFormat.minute($0))。" }
                        ?? "已连续登录失败 \(failedLogins) 次（\(SignIn.maxFailures) 次将锁定）。")),
            .form(
                .action(action + "/unlock"), .method(.post),
                CSRFField(user: viewer).node,
                .button(.type(.submit), .id("unlock-submit"), .text(lockedUntil == nil ? "清除失败次数" : "解除锁定"))
            )
        )
    }

    private func field(
        _ name: String, _ label: String, value: String, readonly: Bool = false, hint: String? = nil
    ) -> Node<HTML.FormContext> {
        let invalid = problems.contains { $0.field == name }
        return .group(
            .label(.for(name), .text(label)),
            .input(
                .type(.text), .id(name), .name(name), .formValue(value), .readonly(readonly),
                .attribute(named: "aria-invalid", value: invalid ? "true" : nil)),
            .unwrap(hint) { .p(.class("muted small"), .text($0)) }
        )
    }
}
