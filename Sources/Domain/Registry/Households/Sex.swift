/// 性别
public enum Sex: String, CodeList {
    case male
    case female

    public var label: String {
        switch self {
        case .male: "男"
        case .female: "女"
        }
    }
}
