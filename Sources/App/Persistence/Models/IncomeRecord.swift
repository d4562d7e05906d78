import Fluent
import Foundation

/// 收支记录 — a household's income and spending over a period, amounts in fen (分).
final class IncomeRecord: Model, @unchecked Sendable {
    static let schema = "income_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    /// First and last day of the period, `YYYY-MM-DD`.
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "wage") var wage: Int64
    @Field(key: "business") var business: Int64
    @Field(key: "property") var property: Int64
    @Field(key: "transfer") var transfer: Int64
    @Field(key: "production_costs") var productionCosts: Int64
    @Field(key: "medical_self_pay") var medicalSelfPay: Int64
    @Field(key: "schooling_cost") var schoolingCost: Int64
    @Field(key: "disaster_loss") var disasterLoss: Int64
    @Field(key: "other_rigid") var otherRigid: Int64
    @Field(key: "member_count") var memberCount: Int
    /// Computed by `IncomeStatement` when the record is written, kept for fast screening.
    @Field(key: "net_income") var netIncome: Int64
    @Field(key: "per_capita_net") var perCapitaNet: Int64
    @Field(key: "source") var source: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
