import Domain
import Plot

/// 新增或修改区划 — the form for a county's own villages, groups and grids.
struct AreaForm {
    let user: CurrentUser
    /// The parent when adding, the area itself when renaming.
    let contextName: String
    let level: AreaLevel
    let action: String
    var name = ""
    var error: String?
    let isNew: Bool

    func render() -> String {
        let heading = isNew ? "在「\(contextName)」下新增\(level.label)" : "修改「\(contextName)」的名称"
        return Layout(
            title: heading, pageID: "area-form", user: user,
            content: .div(
                .class("card"),
                .h1(.text(heading)),
                .unwrap(error) { .p(.class("flash-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .action(action), .method(.post),
                    CSRFField(user: user).node,
                    .input(.type(.hidden), .name("level"), .value(level.rawValue)),
                    .label(.for("name"), .text("\(level.label)名称")),
                    .input(
                        .type(.text), .id("name"), .name("name"), .formValue(name), .required(true),
                        .attribute(named: "maxlength", value: "\(AreaNaming.maximumLength)")),
                    .p(.class("muted small"), .text(isNew ? "代码由系统按本县编码规则自动分配。" : "代码不变，仅修改名称。")),
                    .button(.type(.submit), .class("primary"), .text("保存"))
                )
            )
        ).render()
    }
}
