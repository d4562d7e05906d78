/// 线索合并: one open lead per household per risk type. A new signal about a household that already has an open
/// lead of the same risk type corroborates that lead (the sources are listed on it) instead of opening another,
/// so one risk is checked once however many channels report it (SPEC step 2).
public enum LeadMerging {
    /// The key an open lead is unique on, e.g. for a partial unique index over open leads.
    public static func key(householdNumber: String, riskType: RiskType) -> String {
        "\(householdNumber)|\(riskType.rawValue)"
    }

    /// `existingOpen` are the household's open leads. Should two of one risk type exist (data from before this
    /// rule), the first listed is corroborated.
    public static func decide(existingOpen: [(leadID: String, riskType: RiskType)], incoming: RiskType) -> MergeDecision {
        guard let match = existingOpen.first(where: { $0.riskType == incoming }) else { return .newLead }
        return .corroborate(match.leadID)
    }
}

/// 合并结论: whether a signal opens a lead or adds a source to an open one.
public enum MergeDecision: Sendable, Hashable {
    case newLead
    case corroborate(String)
}
