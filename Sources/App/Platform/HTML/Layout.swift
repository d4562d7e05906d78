import Domain
import Plot

/// The frame every page shares: head, top bar with the role's menu, main content.
struct Layout {
    let title: String
    /// Identifies the page for tests and styles (`<body data-page=…>`).
    let pageID: String
    let user: CurrentUser?
    let content: Node<HTML.BodyContext>

    func render() -> String {
        let html = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · 守望"),
                .link(.rel(.stylesheet), .href("/css/app.css")),
                .script(.src("/js/downloads.js"), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .data(named: "page", value: pageID),
                .unwrap(user) { .data(named: "role", value: $0.role.rawValue) },
                .header(
                    .class("topbar"),
                    .a(
                        .class("brand"), .href(SiteURL.home.path), .text("守望"),
                        .span(.class("brand-sub"), .text("防止返贫致贫监测帮扶"))),
                    .unwrap(user) { Self.menu(for: $0) }
                ),
                .main(.class("content"), content),
                .footer(.class("footer"), .text("守望 · 守望相助"))
            )
        )
        return html.render()
    }

    private static func menu(for user: CurrentUser) -> Node<HTML.BodyContext> {
        let entries: [(Permission, String, String)] = [
            (.readRegistry, SiteURL.home.path, "首页"), (.readRegistry, SiteURL.areas.path, "区划"),
            (.readRegistry, SiteURL.households(query: nil).path, "农户"), (.readLeads, SiteRoute.leads.path(), "线索"),
            (.readDepartmentData, SiteRoute.departments.path(), "部门数据"),
            (.readScreening, SiteRoute.screening.path(), "筛查"),
            (.manageUsers, SiteURL.users.path, "用户"), (.administerPolicy, SiteURL.policy.path, "政策参数"),
            (.readAuditLog, SiteURL.audit.path, "日志"),
        ]
        let links = entries.filter { user.role.may($0.0) }.map { ($0.1, $0.2) }
        return .nav(
            .class("menu"),
            .forEach(links) { .a(.href($0.0), .text($0.1)) },
            .span(.class("whoami"), .text("\(user.displayName)（\(user.role.label)）")),
            .form(
                .class("logout"), .action(SiteURL.logout.path), .method(.post),
                CSRFField(user: user).node,
                .button(.type(.submit), .text("退出"))
            )
        )
    }
}

/// The hidden anti-forgery field every form of a signed-in page carries.
struct CSRFField {
    let user: CurrentUser?

    var node: Node<HTML.FormContext> {
        .unwrap(user?.csrfToken) { .input(.type(.hidden), .name(FormProtection.fieldName), .value($0)) }
    }
}

/// A page that only says what went wrong.
struct ErrorPage {
    let statusCode: UInt
    let message: String
    let user: CurrentUser?

    func render() -> String {
        Layout(
            title: "出错了", pageID: "error", user: user,
            content: .div(
                .class("card error-card"),
                .h1(.text(statusCode == 404 ? "未找到" : "无法完成请求")),
                .p(.class("flash-error"), .text(message)),
                .p(.a(.href(SiteURL.home.path), .text("返回首页")))
            )
        ).render()
    }
}
