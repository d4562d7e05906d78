@testable import App
import Testing

@Suite("Reading whole numbers from client text")
struct NumberInputReaderTests {
    @Test("the reader accepts digits only, within the range")
    func reader() throws {
        let input = NumberInput(name: "n", range: 0...10)
        #expect(try input.read("7") == 7)
        #expect(try input.read(" ") == nil)
        #expect(try input.read(nil) == nil)
        for bad in ["11", "-1", "+3", "1e3", "99999999999999999999999", "３", "0x1"] {
            #expect(throws: (any Error).self, "\(bad)") { try input.read(bad) }
        }
    }
}
