import Plot

/// Form pieces Plot does not offer directly: a `<select>` whose options carry visible text.
enum FormControls {
    static func select<Context: HTMLContext>(name: String, id: String? = nil, label: String, options: [(value: String, text: String)], selected: String?) -> Node<Context> {
        var nodes: [Node<Context>] = [.attribute(named: "name", value: name), .attribute(named: "aria-label", value: label)]
        if let id { nodes.append(.attribute(named: "id", value: id)) }
        for option in options {
            var optionNodes: [Node<Context>] = [.attribute(named: "value", value: HTMLEscaping.escape(option.value))]
            if option.value == (selected ?? "") { optionNodes.append(.attribute(named: "selected", value: "selected")) }
            optionNodes.append(.text(option.text))
            nodes.append(.element(named: "option", nodes: optionNodes))
        }
        return .element(named: "select", nodes: nodes)
    }
}
