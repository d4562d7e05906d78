/// 分时段政策值: one value of a policy parameter (a line, a threshold, a deadline) for an area and a period.
public struct EffectiveDated<Value: Sendable>: Sendable {
    /// The area the value applies to, with everything inside it; nil for the whole country.
    public var scope: AreaCode?
    public var effectiveFrom: CivilDate
    /// Last day in force, included; nil while no end has been announced.
    public var effectiveTo: CivilDate?
    public var value: Value

    public init(scope: AreaCode?, effectiveFrom: CivilDate, effectiveTo: CivilDate? = nil, value: Value) {
        self.scope = scope
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.value = value
    }

    public func isInForce(on date: CivilDate) -> Bool {
        effectiveFrom <= date && (effectiveTo.map { date <= $0 } ?? true)
    }

    /// Whether the row applies to `area`; a national row applies everywhere, an area row only inside its area.
    public func applies(to area: AreaCode?) -> Bool {
        guard let scope else { return true }
        return area.map(scope.contains) ?? false
    }

    /// −1 for national, then the depth of the area, so that a larger number is more specific.
    var specificity: Int { scope?.level.depth ?? -1 }
}

extension EffectiveDated: Equatable where Value: Equatable {}
extension EffectiveDated: Hashable where Value: Hashable {}
extension EffectiveDated: Codable where Value: Codable {}
