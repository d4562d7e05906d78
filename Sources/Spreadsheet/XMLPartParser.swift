import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Base for the streaming parsers of an xlsx package's XML parts: subclasses override `didStart`, `didEnd` and
/// `found` and see element names without namespace prefixes.
///
/// Two workarounds for Foundation's XMLParser on Linux live here. Given a `Data`, it fails on parts over about
/// 10 MB (a 60,000-row sheet is ~100 MB) because libxml2 refuses that much input at once; fed from a stream it
/// gets the XML in small chunks and has no such limit. And it can report success for a document cut off in the
/// middle, so a part only counts as parsed when its root element was closed.
class XMLPartParser: NSObject, XMLParserDelegate {
    private var depth = 0
    private var rootElementClosed = false
    private var activeParser: XMLParser?

    /// True when the whole part was well-formed and not aborted.
    func parse(_ xml: Data) -> Bool {
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.delegate = self
        activeParser = parser
        defer { activeParser = nil }
        return parser.parse() && rootElementClosed
    }

    func didStart(_ localName: Substring, attributes: [String: String]) {}
    func didEnd(_ localName: Substring) {}
    func found(_ text: String) {}

    /// Stops the parse; `parse(_:)` then returns false.
    func abort() {
        activeParser?.abortParsing()
    }

    final func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String]
    ) {
        depth += 1
        didStart(XMLName.local(elementName), attributes: attributes)
    }

    final func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        didEnd(XMLName.local(elementName))
        depth -= 1
        if depth == 0 { rootElementClosed = true }
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) {
        found(string)
    }

    // Text that is only spaces can be reported as ignorable; in a cell it is content.
    final func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        found(whitespaceString)
    }

    final func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        found(String(decoding: CDATABlock, as: UTF8.self))
    }
}
