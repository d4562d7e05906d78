/// 试运行汇总: what a rule change would raise before it is switched on, per village and rule, so a county can see
/// whether a new threshold floods its villages with leads.
public enum DryRunSummary {
    /// For each village, the number of households each rule kind fires for. A household counts once per kind even
    /// when the rule names several of its members, because a household gets one lead per risk (`LeadMerging`).
    /// Villages with no hits are left out.
    public static func summarize(
        _ hits: [(villageCode: AreaCode, hits: [RuleHit])]
    ) -> [AreaCode: [ScreeningRuleKind: Int]] {
        var counts: [AreaCode: [ScreeningRuleKind: Int]] = [:]
        for household in hits {
            for kind in Set(household.hits.map(\.kind)) {
                counts[household.villageCode, default: [:]][kind, default: 0] += 1
            }
        }
        return counts
    }
}
