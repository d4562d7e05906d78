import Fluent

struct CreateVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Visit.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("visitor_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("visitor_name", .string, .required)
            .field("visitor_role", .string, .required)
            .field("visited_on", .string, .required)
            .field("findings", .string, .required)
            .field("risks", .string, .required)
            .field("risk_note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.createIndex(
            on: Visit.schema, named: "visits_household", columns: ["household_id", "visited_on"])
        try await database.createIndex(
            on: Visit.schema, named: "visits_visitor", columns: ["visitor_id", "visited_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Visit.schema).delete()
    }
}
