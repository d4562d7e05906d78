import Testing
import Spreadsheet
@Test func placeholder() {}
