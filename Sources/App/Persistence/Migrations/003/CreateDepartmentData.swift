import Fluent

/// Department data exchange: batches as received, and the events they carry, each event stored once whatever batch
/// brought it (a batch sent twice adds nothing).
struct CreateDepartmentData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DepartmentBatch.schema)
            .id()
            .field("department", .string, .required)
            .field("kind", .string, .required)
            .field("source", .string, .required)
            .field("file_name", .string, .required)
            .field("file_sha256", .string, .required)
            .field("received_at", .datetime, .required)
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("username", .string, .required)
            .field("area_code", .string, .required)
            .field("status", .string, .required)
            .field("row_count", .int, .required)
            .field("new_events", .int, .required)
            .field("repeated_events", .int, .required)
            .field("matched", .int, .required)
            .field("unmatched", .int, .required)
            .field("problems_json", .string, .required)
            .field("unmatched_json", .string, .required)
            .create()
        try await database.createIndex(
            on: DepartmentBatch.schema, named: "department_batches_kind",
            columns: ["department", "kind", "received_at"])
        try await database.schema(DepartmentEventRecord.schema)
            .id()
            .field("batch_id", .uuid, .required, .references(DepartmentBatch.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("id_number", .string, .required)
            .field("person_name", .string, .required)
            .field("event_date", .string, .required)
            .field("amount", .int64)
            .field("grade", .string)
            .field("level", .string)
            .field("note", .string, .required)
            .field("member_id", .uuid, .references(Member.schema, "id", onDelete: .setNull))
            .field("household_id", .uuid, .references(Household.schema, "id", onDelete: .setNull))
            .field("fingerprint", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "fingerprint")
            .create()
        try await database.createIndex(
            on: DepartmentEventRecord.schema, named: "department_events_household",
            columns: ["household_id", "kind", "event_date"])
        try await database.createIndex(
            on: DepartmentEventRecord.schema, named: "department_events_id_number", columns: ["id_number"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DepartmentEventRecord.schema).delete()
        try await database.schema(DepartmentBatch.schema).delete()
    }
}
