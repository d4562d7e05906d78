import Fluent

struct CreateIncomeRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IncomeRecord.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("wage", .int64, .required)
            .field("business", .int64, .required)
            .field("property", .int64, .required)
            .field("transfer", .int64, .required)
            .field("production_costs", .int64, .required)
            .field("medical_self_pay", .int64, .required)
            .field("schooling_cost", .int64, .required)
            .field("disaster_loss", .int64, .required)
            .field("other_rigid", .int64, .required)
            .field("member_count", .int, .required)
            .field("net_income", .int64, .required)
            .field("per_capita_net", .int64, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "household_id", "period_start", "period_end")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IncomeRecord.schema).delete()
    }
}
