import Fluent
import Foundation

/// 筛查规则版本 — a stored version of a screening rule: parameters, effective dates, area scope.
final class ScreeningRuleRecord: Model, @unchecked Sendable {
    static let schema = "screening_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "version") var version: Int
    @Field(key: "parameters_json") var parametersJSON: String
    @OptionalField(key: "effective_from") var effectiveFrom: String?
    @OptionalField(key: "effective_to") var effectiveTo: String?
    @OptionalField(key: "scope_code") var scopeCode: String?
    @Field(key: "enabled") var enabled: Bool
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Set when the version was withdrawn before it started; a withdrawn version is never in force.
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdrawn_by") var withdrawnBy: String?
    /// The version whose adoption ended this one the day before it starts, and this one's end before that.
    @OptionalField(key: "superseded_by") var supersededBy: UUID?
    @OptionalField(key: "former_effective_to") var formerEffectiveTo: String?

    init() {}
}

/// 筛查批次 — one run of the screening engine, real or dry.
final class ScreeningRun: Model, @unchecked Sendable {
    static let schema = "screening_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "dry_run") var dryRun: Bool
    @Field(key: "area_code") var areaCode: String
    @Field(key: "triggered_by") var triggeredBy: String
    @Field(key: "households") var households: Int
    @Field(key: "hits") var hits: Int
    @Field(key: "new_leads") var newLeads: Int
    @Field(key: "corroborated") var corroborated: Int
    /// Findings attached to the cases of households already included or monitored.
    @OptionalField(key: "attached") var attached: Int?
    /// Findings a rejected or merged lead had already settled (`LeadRecurrence`).
    @OptionalField(key: "settled") var settled: Int?
    /// `running`, `finished` or `failed`; a failure keeps its error as data.
    @Field(key: "status") var status: String
    /// Hits per village and rule, JSON.
    @Field(key: "summary_json") var summaryJSON: String
    @OptionalField(key: "error") var error: String?

    init() {}
}

/// 监测线 — the monitoring line in force from a date, nationally or for an area.
final class MonitoringLineRecord: Model, @unchecked Sendable {
    static let schema = "monitoring_lines"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "scope_code") var scopeCode: String?
    @Field(key: "effective_from") var effectiveFrom: String
    @OptionalField(key: "effective_to") var effectiveTo: String?
    /// Fen per person per year.
    @Field(key: "amount") var amount: Int64
    @Field(key: "source") var source: String
    @OptionalField(key: "created_by") var createdBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// 线索办理时限 — the lead deadlines and quiet period in force from a date, nationally or for an area.
final class LeadDeadlinePolicyRecord: Model, @unchecked Sendable {
    static let schema = "lead_deadline_policies"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "scope_code") var scopeCode: String?
    @Field(key: "effective_from") var effectiveFrom: String
    @OptionalField(key: "effective_to") var effectiveTo: String?
    /// `LeadDeadlinePolicy` as JSON.
    @Field(key: "value_json") var valueJSON: String
    @Field(key: "source") var source: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
