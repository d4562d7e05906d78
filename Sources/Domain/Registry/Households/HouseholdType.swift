/// 户类型: the national system's two household types. From 2026 the same registry also serves rural
/// social-assistance objects (POLICY §14), but those are a status a household or member holds alongside its
/// type, not a third type, so they are `SocialAssistanceStatus`.
public enum HouseholdType: String, CodeList {
    case povertyAlleviated
    case ordinary

    public var label: String {
        switch self {
        case .povertyAlleviated: "脱贫户"
        case .ordinary: "一般农户"
        }
    }
}

/// 社会救助对象类别: rural social-assistance statuses recorded on members (POLICY §2.3, §14), monitored together
/// with return-to-poverty risks from 2026.
public enum SocialAssistanceStatus: String, CodeList {
    case minimumLivingAllowance
    case extremePoverty
    case minimumLivingAllowanceFringe

    public var label: String {
        switch self {
        case .minimumLivingAllowance: "低保对象"
        case .extremePoverty: "特困人员"
        case .minimumLivingAllowanceFringe: "低保边缘家庭成员"
        }
    }
}
