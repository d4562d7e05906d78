import Fluent

struct CreateMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("id_number", .string, .required)
            .field("sex", .string, .required)
            .field("birth_date", .string, .required)
            .field("relation", .string, .required)
            .field("ethnicity", .string, .required)
            .field("education", .string, .required)
            .field("school_status", .string)
            .field("health", .string, .required)
            .field("disability_grade", .int)
            .field("labour_capacity", .string, .required)
            .field("work_place", .string)
            .field("work_months", .int)
            .field("medical_insured", .bool, .required)
            .field("pension_insured", .bool, .required)
            .field("minimum_living", .bool, .required)
            .field("extreme_poverty", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.createIndex(on: Member.schema, named: "members_household_id", columns: ["household_id"])
        try await database.createIndex(on: Member.schema, named: "members_id_number", columns: ["id_number"])
        try await database.createIndex(on: Member.schema, named: "members_name", columns: ["name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).delete()
    }
}
