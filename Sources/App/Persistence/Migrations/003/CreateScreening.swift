import Fluent

/// Screening rules as versioned data, the runs that applied them, and the monitoring line as dated values.
struct CreateScreening: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScreeningRuleRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("parameters_json", .string, .required)
            .field("effective_from", .string)
            .field("effective_to", .string)
            .field("scope_code", .string)
            .field("enabled", .bool, .required)
            .field("note", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "kind", "version")
            .create()
        try await database.schema(ScreeningRun.schema)
            .id()
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("dry_run", .bool, .required)
            .field("area_code", .string, .required)
            .field("triggered_by", .string, .required)
            .field("households", .int, .required)
            .field("hits", .int, .required)
            .field("new_leads", .int, .required)
            .field("corroborated", .int, .required)
            .field("status", .string, .required)
            .field("summary_json", .string, .required)
            .field("error", .string)
            .create()
        try await database.schema(MonitoringLineRecord.schema)
            .id()
            .field("scope_code", .string)
            .field("effective_from", .string, .required)
            .field("effective_to", .string)
            .field("amount", .int64, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitoringLineRecord.schema).delete()
        try await database.schema(ScreeningRun.schema).delete()
        try await database.schema(ScreeningRuleRecord.schema).delete()
    }
}
