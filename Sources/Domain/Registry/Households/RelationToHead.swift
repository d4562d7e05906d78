/// 与户主关系
public enum RelationToHead: String, CodeList {
    case head
    case spouse
    case son
    case daughter
    case daughterInLaw
    case sonInLaw
    case grandson
    case granddaughter
    case father
    case mother
    case sibling
    case other

    public var label: String {
        switch self {
        case .head: "户主"
        case .spouse: "配偶"
        case .son: "之子"
        case .daughter: "之女"
        case .daughterInLaw: "之儿媳"
        case .sonInLaw: "之女婿"
        case .grandson: "之孙子"
        case .granddaughter: "之孙女"
        case .father: "之父"
        case .mother: "之母"
        case .sibling: "之兄弟姐妹"
        case .other: "其他"
        }
    }
}
