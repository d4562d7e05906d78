import Fluent
import Foundation

/// 数据交换频次 as migration 003 kept it: one national row per department. Read only by the migrations; superseded by
/// `ExchangeSchedule` (011), which copies these rows and drops the table.
final class ExchangeCadence: Model, @unchecked Sendable {
    static let schema = "exchange_cadences"

    @ID(key: .id) var id: UUID?
    @Field(key: "department") var department: String
    @Field(key: "every_days") var everyDays: Int
    @Field(key: "source") var source: String

    init() {}
}
