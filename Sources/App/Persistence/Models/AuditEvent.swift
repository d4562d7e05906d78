import Fluent
import Foundation

/// 操作日志 — one append-only record of a change or a sensitive read: who, when, what, before and after.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// The username at the time, kept even if the user is renamed later.
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    /// The area the record belongs to, so the history is visible exactly where the record is.
    @OptionalField(key: "area_code") var areaCode: String?
    @Field(key: "summary") var summary: String
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?
    @OptionalField(key: "reason") var reason: String?

    init() {}
}
