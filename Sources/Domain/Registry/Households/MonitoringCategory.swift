/// 监测对象类别: the three kinds of monitored household (中农组发〔2021〕7号). From 2026 the objects are called
/// 防止返贫致贫对象; the name shown is configuration, these are the codes.
public enum MonitoringCategory: String, CodeList {
    case unstableAlleviated
    case marginal
    case suddenHardship

    public var label: String {
        switch self {
        case .unstableAlleviated: "脱贫不稳定户"
        case .marginal: "边缘易致贫户"
        case .suddenHardship: "突发严重困难户"
        }
    }

    /// The first two are defined by household type; a sudden hardship can strike either kind of household.
    public var eligibleHouseholdTypes: Set<HouseholdType> {
        switch self {
        case .unstableAlleviated: [.povertyAlleviated]
        case .marginal: [.ordinary]
        case .suddenHardship: [.povertyAlleviated, .ordinary]
        }
    }
}
