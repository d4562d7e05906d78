@testable import App
import Foundation
import Testing

@Suite("Hexadecimal")
struct HexTests {
    @Test("a UUID's text reads back to the same UUID, in either case")
    func uuidRoundTrip() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(Hex.uuid(id.uuidString.utf8) == id)
            #expect(Hex.uuid(id.uuidString.lowercased().utf8) == id)
        }
    }

    @Test("anything but a 36-character UUID text is refused")
    func uuidRefusals() {
        let valid = "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"
        #expect(Hex.uuid(valid.utf8) == UUID(uuidString: valid))
        for bad in [
            "", String(valid.dropLast()), valid + "0", valid.replacingOccurrences(of: "-", with: "_"),
            "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1FG", "0F1E2D3C4B5A-6978-8796-A5B4C3D2E1F0-",
        ] {
            #expect(Hex.uuid(bad.utf8) == nil, "\(bad)")
        }
    }
}
