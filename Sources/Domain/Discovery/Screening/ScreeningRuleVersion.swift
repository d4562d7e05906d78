/// 筛查规则版本: one kind of rule as configured for an area and a period. A province or county changes a threshold
/// by adding a version, never by editing one that has already screened households, so every hit can say which
/// numbers it was judged by.
public struct ScreeningRuleVersion: Sendable, Hashable, Codable {
    public var kind: ScreeningRuleKind
    public var version: Int
    /// Keyed by `ScreeningParameter` raw values; amounts in fen, shares in whole percent.
    public var parameters: [String: Int64]
    public var effective: ValidityPeriod
    /// The area the version applies to, with everything inside it; nil for the whole country.
    public var scope: AreaCode?
    /// A disabled version switches the rule off in its scope, e.g. a county that screens housing another way.
    public var enabled: Bool

    public init(
        kind: ScreeningRuleKind, version: Int, parameters: [String: Int64], effective: ValidityPeriod,
        scope: AreaCode? = nil, enabled: Bool = true
    ) {
        self.kind = kind
        self.version = version
        self.parameters = parameters
        self.effective = effective
        self.scope = scope
        self.enabled = enabled
    }

    /// The value stored for `name`; nil when the version does not carry it. There is deliberately no fallback:
    /// the defaults are the seeded versions' data (`ScreeningRuleSet.seeded`), not numbers in code.
    public func parameter(_ name: ScreeningParameter) -> Int64? {
        parameters[name.rawValue]
    }

    /// The same, by key, for parameters read from storage.
    public func parameter(named name: String) -> Int64? {
        parameters[name]
    }

    /// Whether the version governs `area` on `date`, enabled or not.
    public func applies(to area: AreaCode, on date: CivilDate) -> Bool {
        effective.contains(date) && (scope.map { $0.contains(area) } ?? true)
    }

    /// −1 for national, then the depth of the area, so that a larger number is more specific.
    var specificity: Int { scope?.level.depth ?? -1 }
}
