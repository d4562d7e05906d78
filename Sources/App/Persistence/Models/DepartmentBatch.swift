import Fluent
import Foundation

/// 部门数据批次 — one file or push from a sector department, with what it matched and what it did not.
final class DepartmentBatch: Model, @unchecked Sendable {
    static let schema = "department_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "department") var department: String
    /// `DepartmentEventKind` raw value.
    @Field(key: "kind") var kind: String
    /// `upload` or `api`.
    @Field(key: "source") var source: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "file_sha256") var fileSHA256: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "area_code") var areaCode: String
    /// `accepted` or `refused` (a refused batch changed nothing).
    @Field(key: "status") var status: String
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "new_events") var newEvents: Int
    @Field(key: "repeated_events") var repeatedEvents: Int
    @Field(key: "matched") var matched: Int
    @Field(key: "unmatched") var unmatched: Int
    @Field(key: "problems_json") var problemsJSON: String
    /// Rows whose identity number is not in the registry, reported back to the department.
    @Field(key: "unmatched_json") var unmatchedJSON: String

    init() {}
}

/// 部门数据 — one event a department reported about one person, stored once.
final class DepartmentEventRecord: Model, @unchecked Sendable {
    static let schema = "department_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "batch_id") var batch: DepartmentBatch
    @Field(key: "kind") var kind: String
    @Field(key: "id_number") var idNumber: String
    @Field(key: "person_name") var personName: String
    @Field(key: "event_date") var eventDate: String
    @OptionalField(key: "amount") var amount: Int64?
    @OptionalField(key: "grade") var grade: String?
    @OptionalField(key: "level") var level: String?
    @Field(key: "note") var note: String
    @OptionalField(key: "member_id") var memberID: UUID?
    @OptionalField(key: "household_id") var householdID: UUID?
    /// The event's content, hashed: the same event sent again is recognised and not stored twice.
    @Field(key: "fingerprint") var fingerprint: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
