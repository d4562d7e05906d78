import Foundation
import Testing
@testable import Spreadsheet

@Suite("Parsing package XML")
struct XMLPartParserTests {
    /// Foundation's XMLParser on Linux rejects XML over about 10 MB when handed it as one Data; a 60,000-row
    /// sheet is ten times that.
    @Test func partsLargerThanTenMegabytesParse() throws {
        // setup: 20 elements with 600 kB attributes, so the part is large but has few parser callbacks
        let value = String(repeating: "户", count: 200_000)
        let xml = "<list>" + String(repeating: #"<item note="\#(value)"/>"#, count: 20) + "</list>"

        // act
        let items = XMLElementCollector.attributes(ofElementsNamed: "item", in: Data(xml.utf8))

        // check
        #expect(Data(xml.utf8).count > 11_000_000)
        #expect(items?.count == 20)
        #expect(items?.last?["note"] == value)
    }

    @Test func aPartCutOffInTheMiddleIsNotAccepted() {
        let xml = #"<list><item note="a"/><item note="b"/>"#
        #expect(XMLElementCollector.attributes(ofElementsNamed: "item", in: Data(xml.utf8)) == nil)
    }
}
