import Fluent
import Foundation

/// 走访记录 — a visit to a household and what it found.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    @OptionalField(key: "visitor_id") var visitorID: UUID?
    @Field(key: "visitor_name") var visitorName: String
    @Field(key: "visitor_role") var visitorRole: String
    @Field(key: "visited_on") var visitedOn: String
    @Field(key: "findings") var findings: String
    /// Comma-separated `RiskType` raw values; empty when no risk was reported.
    @Field(key: "risks") var risks: String
    @Field(key: "risk_note") var riskNote: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
