/// 监测范围（监测线）: the per-capita net income, in yuan per person per year, under which a household with a
/// risk is identified. Set nationally as a floor in 2021 (6,000 yuan), then by each province every year, and
/// optionally raised by a county (POLICY §4, §14).
public struct MonitoringLine: Sendable, Hashable {
    public let table: PolicyTable<Money>

    public init(rows: [EffectiveDated<Money>]) throws(PolicyTableError) {
        table = try PolicyTable(rows: rows)
    }

    /// The row that sets the line for `area` on `date`. Each enclosing scope's line in force is a floor for the
    /// scopes inside it, so the highest wins (the most specific on a tie): a county line left in the table
    /// after the province has moved above it cannot pull the line down.
    public func resolve(at area: AreaCode, on date: CivilDate) -> EffectiveDated<Money>? {
        table.chain(at: area, on: date).reversed().max { $0.value < $1.value }
    }

    /// Yuan per person per year in fen; nil when no row covers the area and date.
    public func amount(at area: AreaCode, on date: CivilDate) -> Money? {
        resolve(at: area, on: date)?.value
    }
}
