import Fluent

/// Data-quality findings kept current (`DataQualityStore`): per household and rule, how many findings the check
/// made, with the household's area for counting by scope; per household, the last day its findings hold; and one row
/// saying by which revision of the check, on which day and up to which logged change they were made.
struct CreateDataQualityFindings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DataQualityStore.findingsSchema)
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .cascade))
            .field("household_number", .string, .required)
            .field("village_code", .string, .required)
            .field("group_code", .string)
            .field("grid_code", .string)
            .field("rule", .string, .required)
            .field("findings", .int, .required)
            .unique(on: "household_id", "rule")
            .create()
        try await database.createIndex(
            on: DataQualityStore.findingsSchema, named: "data_quality_findings_village",
            columns: ["village_code", "rule", "household_number"])
        try await database.schema(DataQualityStore.checksSchema)
            .field(
                "household_id", .uuid, .identifier(auto: false), .references(Household.schema, "id", onDelete: .cascade)
            )
            .field("holds_through", .string, .required)
            .create()
        try await database.createIndex(
            on: DataQualityStore.checksSchema, named: "data_quality_checks_holds_through",
            columns: ["holds_through"])
        try await KeptResults.createStateTable(DataQualityStore.stateSchema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DataQualityStore.stateSchema).delete()
        try await database.schema(DataQualityStore.checksSchema).delete()
        try await database.schema(DataQualityStore.findingsSchema).delete()
    }
}
