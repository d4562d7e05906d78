/// Element and attribute names without their namespace prefix.
///
/// The parsers run without namespace processing (it is slower and the names are unambiguous inside one part),
/// but some writers, such as the .NET Open XML SDK, prefix every element ("x:row"), so names are compared by
/// their local part.
enum XMLName {
    static func local(_ qualifiedName: String) -> Substring {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return qualifiedName[...] }
        return qualifiedName[qualifiedName.index(after: colon)...]
    }

    /// The value of the first attribute whose local name matches, whatever its prefix.
    static func attribute(_ localName: String, in attributes: [String: String]) -> String? {
        if let value = attributes[localName] { return value }
        return attributes.first { local($0.key) == localName }?.value
    }
}
