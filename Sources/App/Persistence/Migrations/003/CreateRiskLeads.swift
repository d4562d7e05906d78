import Fluent

/// 风险线索 with every source that raised or corroborated it and every step taken on it.
struct CreateRiskLeads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RiskLead.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("village_code", .string, .required)
            .field("risk_type", .string, .required)
            .field("channel", .string, .required)
            .field("state", .string, .required)
            .field("received_at", .datetime, .required)
            .field("step_started_at", .datetime, .required)
            .field("step_due_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("outcome_reason", .string)
            .field("merged_into", .string)
            .field("source_count", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.createIndex(
            on: RiskLead.schema, named: "risk_leads_village_state", columns: ["village_code", "state"])
        try await database.createIndex(
            on: RiskLead.schema, named: "risk_leads_household", columns: ["household_id", "risk_type", "state"])
        try await database.schema(LeadSource.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(RiskLead.schema, "id", onDelete: .restrict))
            .field("channel", .string, .required)
            .field("reference", .string, .required)
            .field("rule_kind", .string)
            .field("rule_version", .int)
            .field("values_json", .string, .required)
            .field("message", .string, .required)
            .field("reporter", .string, .required)
            .field("received_at", .datetime, .required)
            .field("fingerprint", .string, .required)
            .unique(on: "lead_id", "fingerprint")
            .create()
        try await database.createIndex(
            on: LeadSource.schema, named: "lead_sources_lead", columns: ["lead_id", "received_at"])
        try await database.schema(LeadStep.schema)
            .id()
            .field("lead_id", .uuid, .required, .references(RiskLead.schema, "id", onDelete: .restrict))
            .field("level", .string, .required)
            .field("action", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("opinion", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.createIndex(on: LeadStep.schema, named: "lead_steps_lead", columns: ["lead_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LeadStep.schema).delete()
        try await database.schema(LeadSource.schema).delete()
        try await database.schema(RiskLead.schema).delete()
    }
}
