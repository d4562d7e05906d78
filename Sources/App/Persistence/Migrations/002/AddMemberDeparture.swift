import Fluent

/// Members are never deleted: one who moves away or dies is marked departed, with the date and the reason.
struct AddMemberDeparture: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        try await database.schema(Member.schema).field("departed_on", .string).update()
        try await database.schema(Member.schema).field("departure_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).deleteField("departure_reason").update()
        try await database.schema(Member.schema).deleteField("departed_on").update()
    }
}
