extension AreaCode {
    /// The next free code for a new child of `parent` at `level`, after the highest code already used.
    ///
    /// Villages take 200…399 below a town (001…199 for residents' committees is left to official lists), groups
    /// 001…499 and grids 501…999 below a village. Nil when the range is used up or the level cannot sit there.
    public static func nextChild(of parent: AreaCode, level: AreaLevel, existing: [String]) -> AreaCode? {
        let range: ClosedRange<Int>
        let base: String
        switch (parent.level, level) {
        case (.township, .village): range = 200...399; base = parent.scopePrefix
        case (.village, .group): range = 1...499; base = parent.value
        case (.village, .grid): range = 501...999; base = parent.value
        default: return nil
        }
        let used = existing.compactMap { code -> Int? in
            guard code.count == base.count + 3, code.hasPrefix(base) else { return nil }
            return Int(code.suffix(3))
        }.filter(range.contains)
        let next = (used.max() ?? (range.lowerBound - 1)) + 1
        guard range.contains(next) else { return nil }
        let suffix = String(repeating: "0", count: 3 - String(next).count) + String(next)
        return AreaCode(base + suffix)
    }
}

/// 区划名称规则 — what a village, group or grid name may look like.
public enum AreaNaming {
    public static let maximumLength = 40

    /// Trims and collapses inner whitespace, so "  石岭  村 " and "石岭 村" are one name.
    public static func normalized(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Why the name cannot be used, or nil.
    public static func problem(with name: String, level: AreaLevel) -> String? {
        if name.isEmpty { return "\(level.label)名称不能为空。" }
        if name.count > maximumLength { return "\(level.label)名称不能超过 \(maximumLength) 个字符（现为 \(name.count) 个）。" }
        if let bad = name.first(where: {
            $0.isNewline || "<>\"'&;\\/".contains($0)
                || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }) {
            return "\(level.label)名称不能包含字符「\(bad)」。"
        }
        return nil
    }
}
