import Fluent

/// 公益岗位: whether the member holds a public-welfare job, the assistance measure for weak labour.
struct AddMemberPublicWelfareJob: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema).field("public_welfare_job", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).deleteField("public_welfare_job").update()
    }
}
