/// 监测状态 — where a household stands in the monitoring lifecycle (SPEC steps 4–7).
public enum HouseholdMonitoringStatus: String, CodeList {
    /// Not a monitoring object.
    case notMonitored
    /// Identified and under assistance (监测对象, 风险未消除).
    case monitored
    /// Risk eliminated, inside the observation period (风险消除观察期).
    case eliminatedObserving
    /// Risk eliminated and observation over (风险已消除).
    case eliminated

    public var label: String {
        switch self {
        case .notMonitored: return "非监测对象"
        case .monitored: return "监测对象（风险未消除）"
        case .eliminatedObserving: return "风险已消除（观察期）"
        case .eliminated: return "风险已消除"
        }
    }
}
