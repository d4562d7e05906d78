import Plot

/// Form pieces Plot does not offer directly: a `<select>` whose options carry visible text, and values that stay in
/// the page when they are empty.
enum FormControls {
    /// A link to a file made on request (导出): while the file is made, `Public/js/downloads.js` says so beside it,
    /// and the response tells it when the file begins to arrive (`Response.streamedSpreadsheet`).
    static func exportLink(_ href: String, label: String) -> Node<HTML.BodyContext> {
        .a(.class("button"), .href(href), .data(named: "export", value: "file"), .text(label))
    }

    static func select<Context: HTMLContext>(
        name: String, id: String? = nil, label: String, options: [(value: String, text: String)], selected: String?
    ) -> Node<Context> {
        var nodes: [Node<Context>] = [
            .attribute(named: "name", value: name), .attribute(named: "aria-label", value: label),
        ]
        if let id { nodes.append(.attribute(named: "id", value: id)) }
        for option in options {
            var optionNodes: [Node<Context>] = [.formValue(option.value)]
            if option.value == (selected ?? "") { optionNodes.append(.attribute(named: "selected", value: "selected")) }
            optionNodes.append(.text(option.text))
            nodes.append(.element(named: "option", nodes: optionNodes))
        }
        return .element(named: "select", nodes: nodes)
    }
}

// Plot drops an attribute whose value is empty, and an `<option>` without `value` submits its text: 全部户类型 or 请选择
// would reach the server instead of "". These keep the attribute (rendered as a bare `value`, which HTML reads as "").
extension Node {
    /// The escaped `value` attribute, kept when empty.
    static func formValue(_ value: String) -> Node {
        .attribute(named: "value", value: HTMLEscaping.escape(value), ignoreIfValueIsEmpty: false)
    }
}

extension Attribute where Context: HTMLValueContext {
    /// The escaped `value` attribute of an input, kept when empty.
    static func formValue(_ value: String) -> Attribute {
        Attribute(name: "value", value: HTMLEscaping.escape(value), ignoreIfValueIsEmpty: false)
    }
}
