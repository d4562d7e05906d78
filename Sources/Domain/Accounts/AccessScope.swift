/// 数据权限范围 — the part of the registry a user may see and change: the subtree of the area the user is bound to.
///
/// Area codes are digit strings whose prefixes are their ancestors, so a subtree is a contiguous range of codes.
/// That makes the scope one indexed range condition on both SQLite and PostgreSQL, whatever the collation, because
/// digit strings of one length sort the same everywhere.
public struct AccessScope: Sendable, Hashable {
    /// How households are filtered for this scope.
    public enum HouseholdFilter: Sendable, Hashable {
        case everything
        /// Village codes (12 digits) between the two bounds, inclusive.
        case villageCodes(lower: String, upper: String)
        case group(String)
        case grid(String)
    }

    public let root: AreaCode

    public init(root: AreaCode) { self.root = root }

    public var householdFilter: HouseholdFilter {
        switch root.level {
        case .group: return .group(root.value)
        case .grid: return .grid(root.value)
        default:
            let prefix = root.scopePrefix
            if prefix.isEmpty { return .everything }
            return .villageCodes(lower: Self.pad(prefix, with: "0", to: 12), upper: Self.pad(prefix, with: "9", to: 12))
        }
    }

    /// The range of area codes (any length up to 15) inside the scope, including the root itself.
    public var areaCodeRange: (lower: String, upper: String) {
        switch root.level {
        case .group, .grid: return (root.value, root.value)
        default: return (root.scopePrefix, Self.pad(root.scopePrefix, with: "9", to: AreaCode.maximumLength))
        }
    }

    /// Whether an area lies inside the scope (the root counts).
    public func includes(_ code: AreaCode) -> Bool {
        root == code || root.contains(code)
    }

    /// The scope of a sub-area, if it lies inside this one; used to drill down without ever widening.
    public func narrowed(to code: AreaCode) -> AccessScope {
        includes(code) ? AccessScope(root: code) : self
    }

    static func pad(_ prefix: String, with digit: Character, to length: Int) -> String {
        prefix + String(repeating: digit, count: max(0, length - prefix.count))
    }
}
