/// 有效期: the days on which a code, rule or value is in force, both ends included; nil means open.
public struct ValidityPeriod: Sendable, Hashable, Codable {
    public var from: CivilDate?
    public var to: CivilDate?

    public init(from: CivilDate? = nil, to: CivilDate? = nil) {
        self.from = from
        self.to = to
    }

    public static let always = ValidityPeriod()

    public func contains(_ date: CivilDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
    }
}
