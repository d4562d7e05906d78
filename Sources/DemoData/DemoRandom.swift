import Domain
extension SeededGenerator {
    /// A uniformly chosen element of a non-empty list.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// An amount in fen between two yuan amounts.
    mutating func yuan(_ range: ClosedRange<Int>) -> Money {
        Money(fen: Int64(Int.random(in: range, using: &self)) * 100)
    }
}

/// The identity numbers a generator has handed out, so it never issues one twice.
public struct IssuedIdentityNumbers: Sendable {
    private var used = Set<Int64>()

    public init() {}

    /// The first free sequence number (of the right parity for `sex`) on that birth date, starting near `preferred`.
    mutating func claim(birth: CivilDate, sex: Sex, preferred: Int) -> Int? {
        var sequence = (preferred % 500) * 2 + (sex == .male ? 1 : 0)
        for _ in 0..<500 {
            let key = Int64(birth.daysSinceEpoch) * 1000 + Int64(sequence)
            if used.insert(key).inserted { return sequence }
            sequence = (sequence + 2) % 1000
        }
        return nil
    }
}
