import Foundation

/// Collects the attributes of every element with one local name, in document order.
///
/// Enough for the small package parts that only list things: the workbook's sheets and the relationships.
final class XMLElementCollector: XMLPartParser {
    private let localName: String
    private var elements: [[String: String]] = []

    private init(localName: String) {
        self.localName = localName
    }

    /// Nil when the XML is malformed.
    static func attributes(ofElementsNamed localName: String, in xml: Data) -> [[String: String]]? {
        let collector = XMLElementCollector(localName: localName)
        return collector.parse(xml) ? collector.elements : nil
    }

    override func didStart(_ localName: Substring, attributes: [String: String]) {
        if localName == self.localName {
            elements.append(attributes)
        }
    }
}
