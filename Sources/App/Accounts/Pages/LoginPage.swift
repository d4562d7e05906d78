import Plot

/// 登录页
struct LoginPage {
    var username = ""
    var next: String?
    var error: String?

    func render() -> String {
        Layout(
            title: "登录", pageID: "login", user: nil,
            content: .div(
                .class("card login-card"),
                .h1(.text("登录守望")),
                .p(.class("muted"), .text("防止返贫致贫动态监测和帮扶工作平台")),
                .unwrap(error) { .p(.class("flash-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .action(SiteRoute.login.path()), .method(.post),
                    .unwrap(next) { .input(.type(.hidden), .name("next"), .formValue($0)) },
                    .label(.for("username"), .text("用户名")),
                    .input(
                        .type(.text), .id("username"), .name("username"), .formValue(username), .required(true),
                        .attribute(named: "autocomplete", value: "username"), .autofocus(username.isEmpty)),
                    .label(.for("password"), .text("密码")),
                    .input(
                        .type(.password), .id("password"), .name("password"), .required(true),
                        .attribute(named: "autocomplete", value: "current-password")),
                    .button(.type(.submit), .id("login-submit"), .class("primary"), .text("登录"))
                )
            )
        ).render()
    }
}
