/// 区划代码: a digits-only hierarchical area code. Twelve digits down to the village (province `PP0000000000`,
/// city `PPCC00000000`, county `PPCCDD000000`, township `PPCCDDTTT000`, village `PPCCDDTTTVVV`); fifteen for
/// a village's groups (village + 001…499) and grids (village + 501…999). Every code's ancestors are its
/// prefixes, so a subtree is a prefix and needs no joins to query.
public struct AreaCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String
    public let level: AreaLevel

    public static let administrativeLength = 12
    public static let maximumLength = 15

    /// Nil for anything `init(validating:)` refuses.
    public init?(_ text: String) {
        guard let code = try? AreaCode(validating: text) else { return nil }
        self = code
    }

    public init(validating text: String) throws(AreaCodeError) {
        let characters = Array(text)
        guard characters.count == 12 || characters.count == 15 else { throw .wrongLength(characters.count) }
        if let index = characters.firstIndex(where: { !("0"..."9").contains($0) || !$0.isASCII }) {
            throw .nonDigit(position: index + 1)
        }
        let bytes = Array(text.utf8)
        let segments = [0..<2, 2..<4, 4..<6, 6..<9, 9..<12].map { ASCIIDigits.value(bytes[$0]) ?? 0 }
        var depth = segments.firstIndex(of: 0) ?? segments.count
        guard depth > 0 else { throw .zeroProvince }
        // Cities without counties (东莞, 中山, 嘉峪关, 大兴安岭 …) hold townships directly: county segment 00.
        if depth == 2, segments[3] != 0 { depth = segments[4] == 0 ? 4 : 5 }
        guard segments[depth...].allSatisfy({ $0 == 0 }) else { throw .gap(text) }
        if bytes.count == 12 {
            level = [.province, .city, .county, .township, .village][depth - 1]
        } else {
            guard depth == 5 else { throw .subVillageOutsideVillage(text) }
            switch ASCIIDigits.value(bytes[12..<15]) ?? 0 {
            case 1...499: level = .group
            case 501...999: level = .grid
            default: throw .badSubVillageSegment(String(text.suffix(3)))
            }
        }
        value = text
    }

    /// The digits that every code inside this area starts with.
    public var scopePrefix: String {
        switch level {
        case .province: String(value.prefix(2))
        case .city: String(value.prefix(4))
        case .county: String(value.prefix(6))
        case .township: String(value.prefix(9))
        case .village, .group, .grid: value
        }
    }

    /// The area directly above; nil for a province.
    public var parent: AreaCode? {
        switch level {
        case .province: nil
        case .city: AreaCode(Self.padded(String(value.prefix(2))))
        case .county: AreaCode(Self.padded(String(value.prefix(4))))
        case .township: AreaCode(Self.padded(String(value.prefix(6))))
        case .village: AreaCode(Self.padded(String(value.prefix(9))))
        case .group, .grid: AreaCode(String(value.prefix(12)))
        }
    }

    /// Every area above this one, province first.
    public var ancestors: [AreaCode] {
        var chain: [AreaCode] = []
        var next = parent
        while let current = next {
            chain.insert(current, at: 0)
            next = current.parent
        }
        return chain
    }

    /// Whether `other` is this area or lies inside it. The prefix test suffices because the prefix's segments are
    /// all non-zero, so only this area and its descendants can start with it.
    public func contains(_ other: AreaCode) -> Bool {
        other.value.hasPrefix(scopePrefix)
    }

    /// A prefix filled with zeros to twelve digits: `5120` becomes `512000000000`.
    public static func padded(_ prefix: String) -> String {
        prefix + String(repeating: "0", count: max(0, administrativeLength - prefix.count))
    }

    public var description: String { value }

    public static func < (lhs: AreaCode, rhs: AreaCode) -> Bool { lhs.value < rhs.value }
}

extension AreaCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try AreaCode(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
