/// Why a string is not an area code; `message` says it in Chinese.
public enum AreaCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongLength(Int)
    /// `position` counts from 1.
    case nonDigit(position: Int)
    case zeroProvince
    /// A level is zero but a lower level is not, e.g. a township with no county.
    case gap(String)
    case subVillageOutsideVillage(String)
    /// The last three digits of a 15-digit code: 000 and 500 name neither a group nor a grid.
    case badSubVillageSegment(String)

    public var message: String {
        switch self {
        case .wrongLength(let count): "区划代码应为12位或15位，实际为\(count)位"
        case .nonDigit(let position): "区划代码第\(position)位应为数字"
        case .zeroProvince: "区划代码的省级段不能为00"
        case .gap(let code): "区划代码 \(code) 的上级段为0而下级段不为0"
        case .subVillageOutsideVillage(let code): "15位代码 \(code) 的前12位应为村级代码"
        case .badSubVillageSegment(let segment): "组或网格段应为001–499（组）或501–999（网格），实际为\(segment)"
        }
    }

    public var description: String { message }
}
