/// 收支核算口径: how the "income reference for inclusion" is derived from a household's income and spending.
/// How insurance payouts and out-of-pocket spending enter it has not been confirmed nationally (POLICY §13.6),
/// and from 2026 one method is shared with social assistance (§14); so the method is chosen per province and
/// year as configuration.
public enum IncomeAccountingMethod: String, CodeList {
    /// The 2021 monitoring practice: the reference is the plain net income; rigid spending is weighed by the
    /// reviewers beside it (and can make a household a sudden-hardship case) but is not deducted.
    case monitoring2021
    /// The 2026 unified method for monitoring and social assistance, as read from the merging pilot (S3): rigid
    /// spending is deducted from net income, and the reference does not go below zero.
    case unifiedSocialAssistance2026

    public var label: String {
        switch self {
        case .monitoring2021: "2021年监测口径（家庭纯收入）"
        case .unifiedSocialAssistance2026: "2026年统一收支核算口径（扣除刚性支出）"
        }
    }
}
