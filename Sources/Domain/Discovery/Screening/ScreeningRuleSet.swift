/// 筛查规则集: the rule versions a deployment screens with, checked so that no area ever has two versions of one
/// rule in force on the same day.
public struct ScreeningRuleSet: Sendable, Hashable {
    public let versions: [ScreeningRuleVersion]
    /// What `init(resolving:)` had to repair in the stored versions; empty for a set that was valid as given.
    public let repairs: [ScreeningRuleSetError]

    /// Refuses a version that ends before it starts, and two versions of the same kind and scope whose periods
    /// overlap (which one applies would be a guess). Versions of different scopes may overlap: the more specific
    /// one wins in `inForce`.
    public init(versions: [ScreeningRuleVersion]) throws(ScreeningRuleSetError) {
        for version in versions {
            if let from = version.effective.from, let to = version.effective.to, to < from {
                throw .endsBeforeStart(version.kind, version: version.version)
            }
        }
        let groups = Dictionary(grouping: versions) { "\($0.kind.rawValue)@\($0.scope?.value ?? "")" }
        for key in groups.keys.sorted() {
            let group = groups[key] ?? []
            for (index, first) in group.enumerated() {
                for second in group[(index + 1)...] where first.effective.overlaps(second.effective) {
                    throw .overlapping(first.kind, scope: first.scope, versions: [first.version, second.version])
                }
            }
        }
        self.versions = versions
        repairs = []
    }

    /// The stored versions made usable whatever they hold, so that one area's bad configuration never stops screening
    /// anywhere: a version that ends before it starts is left out, and where versions of one rule and scope overlap
    /// the later version (the higher number) governs from its start — the earlier one is cut short the day before,
    /// exactly as adopting the later one would have done (`EffectiveSuccession`), or left out if the later one has
    /// no start. Each repair is reported, for the screening page to show.
    public init(resolving stored: [ScreeningRuleVersion]) {
        var problems: [ScreeningRuleSetError] = []
        var usable = stored.filter { version in
            guard let from = version.effective.from, let to = version.effective.to, to < from else { return true }
            problems.append(.endsBeforeStart(version.kind, version: version.version))
            return false
        }
        let groups = Dictionary(grouping: usable.indices) {
            "\(usable[$0].kind.rawValue)@\(usable[$0].scope?.value ?? "")"
        }
        var dropped = Set<Int>()
        for key in groups.keys.sorted() {
            let members = (groups[key] ?? []).sorted { usable[$0].version < usable[$1].version }
            for (position, index) in members.enumerated() {
                for later in members[(position + 1)...]
                where !dropped.contains(later) && usable[index].effective.overlaps(usable[later].effective) {
                    let version = usable[index]
                    problems.append(
                        .overlapping(
                            version.kind, scope: version.scope, versions: [version.version, usable[later].version]))
                    if let start = usable[later].effective.from, version.effective.from.map({ $0 < start }) ?? true {
                        usable[index].effective.to = start.adding(days: -1)
                    } else {
                        dropped.insert(index)
                        break
                    }
                }
            }
        }
        versions = usable.indices.filter { !dropped.contains($0) }.map { usable[$0] }
        repairs = problems
    }

    /// The version of each rule that governs `area` on `date`: the most specific scope wins per kind, so a county
    /// version overrides the province's and the national one. When the winner is disabled the rule is off there
    /// and is left out. Sorted in `ScreeningRuleKind` order.
    public func inForce(for area: AreaCode, on date: CivilDate) -> [ScreeningRuleVersion] {
        let governing = Dictionary(grouping: versions.filter { $0.applies(to: area, on: date) }, by: \.kind)
            .compactMapValues { $0.max { $0.specificity < $1.specificity } }
        return ScreeningRuleKind.allCases.compactMap { governing[$0] }.filter(\.enabled)
    }

    /// Versions that would never fire or would fire on nonsense: a parameter the kind needs is missing or out of
    /// its range, or a parameter is stored that the kind does not read (usually a typo of a needed one).
    public var problems: [ScreeningRuleProblem] {
        Self.problems(in: versions)
    }

    public static func problems(in versions: [ScreeningRuleVersion]) -> [ScreeningRuleProblem] {
        var problems: [ScreeningRuleProblem] = []
        for version in versions {
            let needed = version.kind.parameterNames
            for name in needed {
                guard let value = version.parameter(name) else {
                    problems.append(ScreeningRuleProblem(version, "缺少参数「\(name.label)」（\(name.rawValue)），该规则不会触发"))
                    continue
                }
                let range = name.allowedRange
                if !range.contains(value) {
                    problems.append(
                        ScreeningRuleProblem(
                            version, "参数「\(name.label)」为 \(value)，应在 \(range.lowerBound) 至 \(range.upperBound) 之间"
                        ))
                }
            }
            for key in version.parameters.keys.sorted() where !needed.map(\.rawValue).contains(key) {
                problems.append(ScreeningRuleProblem(version, "参数 \(key) 不是该规则使用的参数，已忽略"))
            }
        }
        return problems
    }
}

/// 规则配置问题: one thing wrong with a rule version, said in Chinese.
public struct ScreeningRuleProblem: Sendable, Hashable {
    public let kind: ScreeningRuleKind
    public let version: Int
    public let scope: AreaCode?
    public let message: String

    init(_ version: ScreeningRuleVersion, _ message: String) {
        kind = version.kind
        self.version = version.version
        scope = version.scope
        self.message =
            "规则「\(version.kind.label)」第\(version.version)版（\(ScreeningRuleSetError.name(version.scope))）：\(message)"
    }
}

/// Why a rule set was refused; `message` says it in Chinese.
public enum ScreeningRuleSetError: Error, Hashable, Sendable, CustomStringConvertible {
    case overlapping(ScreeningRuleKind, scope: AreaCode?, versions: [Int])
    case endsBeforeStart(ScreeningRuleKind, version: Int)

    public var message: String {
        switch self {
        case .overlapping(let kind, let scope, let versions):
            "规则「\(kind.label)」第\(versions.map(String.init).joined(separator: "、"))版的适用范围（\(Self.name(scope))）相同且生效期重叠，无法确定适用哪一版"
        case .endsBeforeStart(let kind, let version):
            "规则「\(kind.label)」第\(version)版的失效日期早于生效日期"
        }
    }

    public var description: String { message }

    /// The scope whose versions the problem concerns; nil for national ones and for a version that ends early.
    public var scope: AreaCode? {
        switch self {
        case .overlapping(_, let scope, _): scope
        case .endsBeforeStart: nil
        }
    }

    static func name(_ scope: AreaCode?) -> String {
        scope.map { "区划 \($0.value)" } ?? "全国"
    }
}

extension ValidityPeriod {
    /// Whether some day lies in both periods; open ends reach forever.
    func overlaps(_ other: ValidityPeriod) -> Bool {
        let startsBeforeOtherEnds =
            switch (from, other.to) {
            case (let start?, let end?): start <= end
            default: true
            }
        let otherStartsBeforeEnd =
            switch (other.from, to) {
            case (let start?, let end?): start <= end
            default: true
            }
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }
}
