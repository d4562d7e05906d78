/// 政策参数表: the rows of one policy parameter across areas and periods, and the rule that picks the one in
/// force. Policy numbers change by province and year (POLICY §1), so they live here as data, never in code.
public struct PolicyTable<Value: Sendable>: Sendable {
    public let rows: [EffectiveDated<Value>]

    /// Refuses rows that could not be told apart (same scope, same start) or that end before they start.
    public init(rows: [EffectiveDated<Value>]) throws(PolicyTableError) {
        var starts = Set<String>()
        for row in rows {
            if let end = row.effectiveTo, end < row.effectiveFrom {
                throw .endsBeforeStart(scope: row.scope, from: row.effectiveFrom, to: end)
            }
            guard starts.insert("\(row.scope?.value ?? "")@\(row.effectiveFrom)").inserted else {
                throw .duplicate(scope: row.scope, from: row.effectiveFrom)
            }
        }
        self.rows = rows
    }

    /// The row in force for `area` on `date`: the most specific scope that contains the area wins (county over
    /// city over province over national), and within it the latest start not after the date. A row whose end
    /// has passed no longer counts, so the enclosing scope takes over again.
    public func resolve(at area: AreaCode?, on date: CivilDate) -> EffectiveDated<Value>? {
        inForce(at: area, on: date).max { ($0.specificity, $0.effectiveFrom) < ($1.specificity, $1.effectiveFrom) }
    }

    public func value(at area: AreaCode?, on date: CivilDate) -> Value? {
        resolve(at: area, on: date)?.value
    }

    /// The value for a province, or for a county in it when one is given; nil when the county is not in the province.
    public func value(province: AreaCode, county: AreaCode?, on date: CivilDate) -> Value? {
        guard let county else { return value(at: province, on: date) }
        return province.contains(county) ? value(at: county, on: date) : nil
    }

    /// For each enclosing scope that has a row in force, that scope's latest row; national first.
    public func chain(at area: AreaCode?, on date: CivilDate) -> [EffectiveDated<Value>] {
        let bySpecificity = Dictionary(grouping: inForce(at: area, on: date), by: \.specificity)
        return bySpecificity.keys.sorted().compactMap { key in
            bySpecificity[key]?.max { $0.effectiveFrom < $1.effectiveFrom }
        }
    }

    private func inForce(at area: AreaCode?, on date: CivilDate) -> [EffectiveDated<Value>] {
        rows.filter { $0.applies(to: area) && $0.isInForce(on: date) }
    }
}

extension PolicyTable: Equatable where Value: Equatable {}
extension PolicyTable: Hashable where Value: Hashable {}

/// Why a policy table was refused; `message` says it in Chinese.
public enum PolicyTableError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicate(scope: AreaCode?, from: CivilDate)
    case endsBeforeStart(scope: AreaCode?, from: CivilDate, to: CivilDate)

    public var message: String {
        switch self {
        case .duplicate(let scope, let from):
            "\(Self.name(scope))自 \(from) 起的记录重复"
        case .endsBeforeStart(let scope, let from, let to):
            "\(Self.name(scope))的记录结束日期 \(to) 早于生效日期 \(from)"
        }
    }

    public var description: String { message }

    private static func name(_ scope: AreaCode?) -> String {
        scope.map { "区划 \($0.value) " } ?? "全国"
    }
}
