import Fluent

struct CreateAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Area.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("parent_code", .string, .references(Area.schema, "code", onDelete: .restrict))
            .field("code_system", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.createIndex(on: Area.schema, named: "areas_parent_code", columns: ["parent_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Area.schema).delete()
    }
}
