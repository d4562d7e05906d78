/// 核查发现: one rule that fired, on whom, and what exactly is wrong, in Chinese.
public struct DataQualityFinding: Sendable, Hashable, Codable {
    public let rule: DataQualityRule
    /// The member concerned; nil for household-level rules.
    public let memberName: String?
    public let detail: String

    public init(rule: DataQualityRule, memberName: String?, detail: String) {
        self.rule = rule
        self.memberName = memberName
        self.detail = detail
    }
}
