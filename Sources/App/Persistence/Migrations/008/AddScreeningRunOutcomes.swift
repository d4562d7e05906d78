import Fluent

/// A run also counts the findings it attached to households' cases and those a closed lead had already settled.
struct AddScreeningRunOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScreeningRun.schema).field("attached", .int).update()
        try await database.schema(ScreeningRun.schema).field("settled", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScreeningRun.schema).deleteField("settled").update()
        try await database.schema(ScreeningRun.schema).deleteField("attached").update()
    }
}
