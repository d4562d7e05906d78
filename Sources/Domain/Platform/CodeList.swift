/// 代码表: a closed list of codes. The English raw value is what is stored and exchanged, so a label can be
/// reworded without touching data; the Chinese label is what people see.
public protocol CodeList: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// The Chinese name shown to users.
    var label: String { get }
}
