import Fluent

struct CreateGuaranteeAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuaranteeRecord.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("assessed_on", .string, .required)
            .field("secured", .bool, .required)
            .field("housing_grade", .string)
            .field("water_quantity", .bool)
            .field("water_quality", .bool)
            .field("water_convenience", .bool)
            .field("water_reliability", .bool)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.createIndex(
            on: GuaranteeRecord.schema, named: "guarantee_assessments_household",
            columns: ["household_id", "kind", "assessed_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuaranteeRecord.schema).delete()
    }
}
