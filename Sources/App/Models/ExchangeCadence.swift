import Fluent
import Foundation

/// 数据交换频次 — the longest a department may go without sending data before it shows as late.
final class ExchangeCadence: Model, @unchecked Sendable {
    static let schema = "exchange_cadences"

    @ID(key: .id) var id: UUID?
    @Field(key: "department") var department: String
    @Field(key: "every_days") var everyDays: Int
    @Field(key: "source") var source: String

    init() {}
}
