import Fluent

/// Judgements kept current: every rule hit of every household as the engine last judged it, with the last day the
/// judgement holds, and one row saying on what basis (rules and lines in force, income year), on which day and up to
/// which logged change they were made. A screening re-judges only the households changed since, and those whose
/// judgement has run out.
struct CreateScreeningHits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScreeningJudgementStore.hitsSchema)
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("village_code", .string, .required)
            .field("kind", .string, .required)
            .field("risk_type", .string, .required)
            .field("fingerprint", .string, .required)
            .field("holds_through", .string, .required)
            .field("packed", .string, .required)
            .create()
        try await ScreeningJudgementStore.createIndexes(sql: try database.sql)
        try await KeptResults.createStateTable(ScreeningJudgementStore.stateSchema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScreeningJudgementStore.stateSchema).delete()
        try await database.schema(ScreeningJudgementStore.hitsSchema).delete()
    }
}
