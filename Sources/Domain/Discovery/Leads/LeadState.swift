/// 线索状态: where a lead stands. Every lead ends included, rejected with a reason, or merged; none disappears
/// (the closed-loop ledger, 台账闭环).
public enum LeadState: String, CodeList {
    case awaitingVillageCheck
    case awaitingTownshipRecheck
    /// The village found nothing and proposes to close it: the township confirms the rejection or sends it back.
    case awaitingTownshipRejectionReview
    case awaitingCountyReview
    /// Passed on to identification (识别认定).
    case included
    case rejected
    /// Joined to another lead or an identification case.
    case merged

    public var label: String {
        switch self {
        case .awaitingVillageCheck: "待村级核实"
        case .awaitingTownshipRecheck: "待乡镇复核"
        case .awaitingTownshipRejectionReview: "村级拟排除，待乡镇确认"
        case .awaitingCountyReview: "待县级审核"
        case .included: "已纳入（转识别认定）"
        case .rejected: "已排除"
        case .merged: "已并入其他线索/案件"
        }
    }

    /// The level handling the lead now; nil once it is closed.
    public var level: LeadLevel? {
        switch self {
        case .awaitingVillageCheck: .village
        case .awaitingTownshipRecheck, .awaitingTownshipRejectionReview: .township
        case .awaitingCountyReview: .county
        case .included, .rejected, .merged: nil
        }
    }

    public var isTerminal: Bool { level == nil }

    /// Where a new lead starts.
    public static let initial = LeadState.awaitingVillageCheck
}
