import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("area_code", .string, .required, .references(Area.schema, "code", onDelete: .restrict))
            .field("department", .string)
            .field("phone", .string)
            .field("is_active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.createIndex(on: User.schema, named: "users_area_code", columns: ["area_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
