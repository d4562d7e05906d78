import Fluent

struct CreateImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportBatch.schema)
            .id()
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("username", .string, .required)
            .field("area_code", .string, .required)
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("file_sha256", .string, .required)
            .field("stored_path", .string, .required)
            .field("encoding", .string)
            .field("status", .string, .required)
            .field("row_count", .int, .required)
            .field("household_count", .int, .required)
            .field("new_households", .int, .required)
            .field("changed_households", .int, .required)
            .field("unchanged_households", .int, .required)
            .field("new_members", .int, .required)
            .field("changed_members", .int, .required)
            .field("problem_count", .int, .required)
            .field("problems_json", .string, .required)
            .field("notes_json", .string, .required)
            .field("created_at", .datetime)
            .field("committed_at", .datetime)
            .create()
        try await database.createIndex(
            on: ImportBatch.schema, named: "import_batches_area", columns: ["area_code", "created_at"])
        try await database.createIndex(on: ImportBatch.schema, named: "import_batches_sha", columns: ["file_sha256"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportBatch.schema).delete()
    }
}
