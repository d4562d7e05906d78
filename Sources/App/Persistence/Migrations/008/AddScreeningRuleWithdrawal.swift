import Fluent

/// A rule version can be withdrawn before it starts, and adopting a version ends the one it replaces the day before;
/// the replaced version remembers its former end so that withdrawing the new one restores it.
struct AddScreeningRuleWithdrawal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        try await database.schema(ScreeningRuleRecord.schema).field("withdrawn_at", .datetime).update()
        try await database.schema(ScreeningRuleRecord.schema).field("withdrawn_by", .string).update()
        try await database.schema(ScreeningRuleRecord.schema).field("superseded_by", .uuid).update()
        try await database.schema(ScreeningRuleRecord.schema).field("former_effective_to", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["former_effective_to", "superseded_by", "withdrawn_by", "withdrawn_at"] {
            try await database.schema(ScreeningRuleRecord.schema).deleteField(.string(field)).update()
        }
    }
}
