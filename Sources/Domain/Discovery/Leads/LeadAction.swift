/// 线索办理操作: what a handler does with a lead at its level. Rejections and merges carry their reason, so the
/// ledger shows why a lead closed.
public enum LeadAction: Sendable, Hashable {
    case villageConfirm(opinion: String)
    case villageReject(reason: String)
    case townshipConfirm(opinion: String)
    case townshipReject(reason: String)
    /// The township agrees with the village's proposed rejection; the lead closes.
    case townshipConfirmRejection(opinion: String)
    /// The township disagrees with the village's proposed rejection and sends it back for another check.
    case townshipReturnToVillage(opinion: String)
    case countyInclude(opinion: String)
    case countyReject(reason: String)
    /// `leadOrCaseReference` names the open lead or identification case this one joins.
    case mergeInto(leadOrCaseReference: String, reason: String)

    /// Longest reason or opinion kept; longer text is a pasted document, which belongs in an attachment.
    public static let textLimit = 500

    public var label: String {
        switch self {
        case .villageConfirm: "村级核实属实"
        case .villageReject: "村级拟排除，报乡镇确认"
        case .townshipConfirm: "乡镇复核通过"
        case .townshipReject: "乡镇复核排除"
        case .townshipConfirmRejection: "乡镇确认排除"
        case .townshipReturnToVillage: "乡镇退回村级重新核实"
        case .countyInclude: "县级审核纳入"
        case .countyReject: "县级审核排除"
        case .mergeInto: "并入其他线索/案件"
        }
    }

    /// The level that takes the action; a merge is taken by whichever level holds the lead.
    public var level: LeadLevel? {
        switch self {
        case .villageConfirm, .villageReject: .village
        case .townshipConfirm, .townshipReject, .townshipConfirmRejection, .townshipReturnToVillage: .township
        case .countyInclude, .countyReject: .county
        case .mergeInto: nil
        }
    }
}
