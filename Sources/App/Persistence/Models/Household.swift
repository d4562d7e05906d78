import Fluent
import Foundation

/// 农户 — a rural household of the registry, keyed by its household number (户编号).
final class Household: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    @Field(key: "household_number") var householdNumber: String
    /// The village (12 digits) the household belongs to; scoping by area is a range on this column.
    @Field(key: "village_code") var villageCode: String
    @OptionalField(key: "group_code") var groupCode: String?
    @OptionalField(key: "grid_code") var gridCode: String?
    @Field(key: "head_name") var headName: String
    /// `HouseholdType` raw value.
    @Field(key: "household_type") var householdType: String
    @OptionalField(key: "alleviated_year") var alleviatedYear: Int?
    @Field(key: "member_count") var memberCount: Int
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "address") var address: String
    /// 一卡通 account for payments.
    @OptionalField(key: "bank_account") var bankAccount: String?
    /// `MonitoringStatus` raw value.
    @Field(key: "monitoring_status") var monitoringStatus: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$household) var members: [Member]

    init() {}
}
