import Fluent

struct CreateContactAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContactAssignment.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .restrict))
            .field("assigned_on", .string, .required)
            .field("ended_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.createIndex(
            on: ContactAssignment.schema, named: "contact_assignments_household", columns: ["household_id", "ended_on"])
        try await database.createIndex(
            on: ContactAssignment.schema, named: "contact_assignments_user", columns: ["user_id", "ended_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContactAssignment.schema).delete()
    }
}
