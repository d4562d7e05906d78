/// 风险消除方式
public enum EliminationMethod: String, CodeList {
    case byAssistance
    case natural

    public var label: String {
        switch self {
        case .byAssistance: "帮扶消除"
        case .natural: "自然消除"
        }
    }
}
