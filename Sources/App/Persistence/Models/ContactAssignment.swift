import Fluent
import Foundation

/// 监测联系人分工 — which monitoring contact answers for a household, and since when.
final class ContactAssignment: Model, @unchecked Sendable {
    static let schema = "contact_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    @Parent(key: "user_id") var user: User
    @Field(key: "assigned_on") var assignedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
