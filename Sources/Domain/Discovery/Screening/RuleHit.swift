/// 规则命中: one rule that fired for one household (or one member of it), with the numbers it fired on, so the lead
/// can say exactly why it exists and the village check can verify those numbers.
public struct RuleHit: Sendable, Hashable, Codable {
    public var kind: ScreeningRuleKind
    /// The version of the rule that fired, for the audit trail when thresholds later change.
    public var version: Int
    public var riskType: RiskType
    /// The values that fired, keyed by a Chinese name, e.g. ["自付金额": "56,320.00", "阈值": "50,000.00"].
    public var values: [String: String]
    /// The reason in plain Chinese, e.g. "住院自付 56,320 元，超过 50,000 元".
    public var message: String
    /// The member a person-level rule names; nil for household rules.
    public var memberName: String?
    public var idNumber: String?

    public init(
        kind: ScreeningRuleKind, version: Int, riskType: RiskType, values: [String: String], message: String,
        memberName: String? = nil, idNumber: String? = nil
    ) {
        self.kind = kind
        self.version = version
        self.riskType = riskType
        self.values = values
        self.message = message
        self.memberName = memberName
        self.idNumber = idNumber
    }
}
