import Domain
import Fluent
import Foundation

/// 数据交换频次 of one department for one area (nil: national) from a day on: its pattern (`ExchangePattern`).
/// The row in force for an area is the most specific one that covers it (`PolicyTable`), so a county without its
/// own inherits its province's or the national one.
final class ExchangeSchedule: Model, @unchecked Sendable {
    static let schema = "exchange_schedules"

    @ID(key: .id) var id: UUID?
    @Field(key: "department") var department: String
    @OptionalField(key: "scope_code") var scopeCode: String?
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "pattern") var pattern: String
    @Field(key: "pattern_value") var patternValue: Int
    @Field(key: "source") var source: String
    @Field(key: "created_by") var createdBy: String

    init() {}

    var exchangePattern: ExchangePattern? { ExchangePattern(kind: pattern, value: patternValue) }

    /// Each department's schedules as a table to resolve per area; rows that do not read back are left out.
    static func tables(on database: any Database) async throws -> [String: PolicyTable<ExchangePattern>] {
        let rows = try await ExchangeSchedule.query(on: database).all()
        var tables: [String: PolicyTable<ExchangePattern>] = [:]
        for (department, schedules) in Dictionary(grouping: rows, by: \.department) {
            let dated = schedules.compactMap { row -> EffectiveDated<ExchangePattern>? in
                guard let from = CivilDate(row.effectiveFrom), let pattern = row.exchangePattern else { return nil }
                return EffectiveDated(scope: row.scopeCode.flatMap(AreaCode.init), effectiveFrom: from, value: pattern)
            }
            tables[department] = try? PolicyTable(rows: dated)
        }
        return tables
    }
}
