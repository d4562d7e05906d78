import Fluent

struct CreateAuthTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("token_hash", .string, .required)
            .field("csrf_token", .string)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.createIndex(on: AuthToken.schema, named: "auth_tokens_user_id", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthToken.schema).delete()
    }
}
