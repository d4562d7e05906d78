/// 健康状况 (code table 100A13). Several may apply to one person, except that healthy excludes the others.
public enum HealthCondition: String, CodeList {
    case healthy
    case chronicIllness
    case seriousIllness
    case disability

    public var label: String {
        switch self {
        case .healthy: "健康"
        case .chronicIllness: "长期慢性病"
        case .seriousIllness: "患有大病"
        case .disability: "残疾"
        }
    }

    /// A selection is complete and consistent: at least one value, and "healthy" only on its own.
    public static func isValidSelection(_ selection: Set<HealthCondition>) -> Bool {
        !selection.isEmpty && (!selection.contains(.healthy) || selection.count == 1)
    }
}
