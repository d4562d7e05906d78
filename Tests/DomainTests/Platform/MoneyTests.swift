import Testing
import Domain

@Suite("Money")
struct MoneyTests {
    @Test("parses yuan with up to two decimals and prints two")
    func parsing() {
        #expect(Money(parsing: "6000") == Money(yuan: 6_000))
        #expect(Money(parsing: "12.5")?.fen == 1_250)
        #expect(Money(parsing: "-0.05")?.fen == -5)
        #expect(Money(parsing: "-0.05")?.description == "-0.05")
        #expect(Money(fen: 600_000).description == "6000.00")
        for bad in ["", "-", "1.", ".5", "1.234", "1,000", "１", " 1", "+1"] {
            #expect(Money(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("division rounds to the nearest fen, halves away from zero")
    func division() {
        #expect(Money(fen: 1_000).divided(by: 3) == Money(fen: 333))
        #expect(Money(fen: 1_001).divided(by: 2) == Money(fen: 501))
        #expect(Money(fen: -1_001).divided(by: 2) == Money(fen: -501))
        #expect(Money(fen: 2_000).divided(by: 3) == Money(fen: 667))
        #expect(Money(fen: 100).divided(by: 0) == nil)
    }
}
