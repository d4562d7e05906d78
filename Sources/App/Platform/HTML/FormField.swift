import Domain
import Plot

/// One field of an edit form: what it is called, how it is entered, and what it holds now.
struct FormField {
    enum Kind {
        case text
        case date
        case money
        case number
        case textarea
        case select([(value: String, label: String)])
        case checkbox
        case checkboxes([(value: String, label: String)])
    }

    let name: String
    let label: String
    var kind: Kind = .text
    var value: String = ""
    /// For checkbox groups: the values ticked.
    var selected: Set<String> = []
    var hint: String?
    var required = false
}

/// Renders fields with their problems next to them, so an error says which field and why.
enum FormRenderer {
    static func fields(_ fields: [FormField], problems: [FieldProblem]) -> Node<HTML.FormContext> {
        .group(
            fields.map { item in field(for: item, problems: problems.filter { problem in problem.field == item.name }) }
        )
    }

    static func problemSummary(_ problems: [FieldProblem]) -> Node<HTML.BodyContext> {
        guard !problems.isEmpty else { return .empty }
        return .div(
            .class("flash-error"), .attribute(named: "role", value: "alert"),
            .p(.text("未保存，请修改以下问题：")),
            .ul(.forEach(problems) { .li(.text($0.message)) })
        )
    }

    private static func field(for field: FormField, problems: [FieldProblem]) -> Node<HTML.FormContext> {
        let invalid: String? = problems.isEmpty ? nil : "true"
        let labelText = field.label + (field.required ? " *" : "")
        let control: Node<HTML.FormContext>
        switch field.kind {
        case .text, .date, .money, .number:
            let inputMode: String? =
                switch field.kind {
                case .money: "decimal"
                case .number: "numeric"
                default: nil
                }
            control = .input(
                .type(field.kind.isDate ? .date : .text), .id(field.name), .name(field.name), .formValue(field.value),
                .attribute(named: "aria-invalid", value: invalid), .attribute(named: "inputmode", value: inputMode)
            )
        case .textarea:
            control = .textarea(
                .id(field.name), .name(field.name), .rows(3), .attribute(named: "aria-invalid", value: invalid),
                .text(field.value))
        case let .select(options):
            control = FormControls.select(
                name: field.name, id: field.name, label: field.label, options: options.map { ($0.value, $0.label) },
                selected: field.value)
        case .checkbox:
            return .group(
                .label(
                    .class("check"),
                    .input(.type(.checkbox), .name(field.name), .value("on"), .checked(field.value == "on")),
                    .text(" " + field.label)),
                errors(problems)
            )
        case let .checkboxes(options):
            control = .div(
                .class("checks"),
                .forEach(options) { option in
                    .label(
                        .class("check"),
                        .input(
                            .type(.checkbox), .name(field.name + "[]"), .formValue(option.value),
                            .checked(field.selected.contains(option.value))), .text(" " + option.label))
                })
        }
        return .group(
            .label(.for(field.name), .text(labelText)),
            control,
            .unwrap(field.hint) { .p(.class("muted small"), .text($0)) },
            errors(problems)
        )
    }

    private static func errors(_ problems: [FieldProblem]) -> Node<HTML.FormContext> {
        .forEach(problems) { .p(.class("field-error"), .text($0.message)) }
    }
}

extension FormField.Kind {
    var isDate: Bool { if case .date = self { return true } else { return false } }
}

/// A page that is one form: heading, problems, fields, save.
struct FormPage {
    let title: String
    let pageID: String
    let user: CurrentUser
    let action: String
    let fields: [FormField]
    var problems: [FieldProblem] = []
    var intro: String?
    var backLink: (href: String, label: String)?
    /// Values the form carries without showing them (e.g. which kind of record it is).
    var hiddenFields: [String: String] = [:]

    func render() -> String {
        Layout(
            title: title, pageID: pageID, user: user,
            content: .div(
                .class("card form-card"),
                .h1(.text(title)),
                .unwrap(intro) { .p(.class("muted"), .text($0)) },
                FormRenderer.problemSummary(problems),
                .form(
                    .action(action), .method(.post),
                    CSRFField(user: user).node,
                    .forEach(hiddenFields.sorted { $0.key < $1.key }) {
                        .input(.type(.hidden), .name($0.key), .formValue($0.value))
                    },
                    FormRenderer.fields(fields, problems: problems),
                    .button(.type(.submit), .class("primary"), .text("保存"))
                ),
                .unwrap(backLink) { .p(.a(.href($0.href), .text($0.label))) }
            )
        ).render()
    }
}
