import Fluent
import Foundation

/// 风险线索 — a signal that a household may be at risk, handled village → township → county to an outcome.
final class RiskLead: Model, @unchecked Sendable {
    static let schema = "risk_leads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    /// Copied from the household so the ledger is scoped by the same range condition.
    @Field(key: "village_code") var villageCode: String
    @Field(key: "risk_type") var riskType: String
    /// The channel of the first source.
    @Field(key: "channel") var channel: String
    @Field(key: "state") var state: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "step_started_at") var stepStartedAt: Date
    @Field(key: "step_due_at") var stepDueAt: Date
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "outcome_reason") var outcomeReason: String?
    @OptionalField(key: "merged_into") var mergedInto: String?
    @Field(key: "source_count") var sourceCount: Int
    /// The closed lead of the same risk whose finding this one reopens, or that it follows with new evidence.
    @OptionalField(key: "follows_lead_id") var followsLeadID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// 线索来源 — one channel's report behind a lead; several sources corroborate one lead.
final class LeadSource: Model, @unchecked Sendable {
    static let schema = "lead_sources"

    @ID(key: .id) var id: UUID?
    @Parent(key: "lead_id") var lead: RiskLead
    @Field(key: "channel") var channel: String
    /// What raised it: a screening run, a department batch, a visit, a hotline entry.
    @Field(key: "reference") var reference: String
    @OptionalField(key: "rule_kind") var ruleKind: String?
    @OptionalField(key: "rule_version") var ruleVersion: Int?
    @Field(key: "values_json") var valuesJSON: String
    @Field(key: "message") var message: String
    @Field(key: "reporter") var reporter: String
    @Field(key: "received_at") var receivedAt: Date
    /// The same finding reported again (a rerun, a resent file) is recognised and not added twice.
    @Field(key: "fingerprint") var fingerprint: String

    init() {}
}

/// 办理记录 — one step taken on a lead: who, at which level, what, and why.
final class LeadStep: Model, @unchecked Sendable {
    static let schema = "lead_steps"

    @ID(key: .id) var id: UUID?
    @Parent(key: "lead_id") var lead: RiskLead
    @Field(key: "level") var level: String
    @Field(key: "action") var action: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "opinion") var opinion: String
    @Field(key: "at") var at: Date

    init() {}
}

/// 监测信息 — a finding about a household that already has a case (included or monitored): kept on the case as
/// information for the people handling it, not opened as a fresh lead.
final class CaseInformation: Model, @unchecked Sendable {
    static let schema = "case_information"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    /// The included lead that passed the household to identification; nil for a household monitored without one.
    @OptionalField(key: "lead_id") var leadID: UUID?
    @Field(key: "risk_type") var riskType: String
    @Field(key: "channel") var channel: String
    @Field(key: "reference") var reference: String
    @OptionalField(key: "rule_kind") var ruleKind: String?
    @OptionalField(key: "rule_version") var ruleVersion: Int?
    @Field(key: "values_json") var valuesJSON: String
    @Field(key: "message") var message: String
    @Field(key: "reporter") var reporter: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "fingerprint") var fingerprint: String

    init() {}
}
