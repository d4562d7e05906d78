import Fluent

struct CreateHouseholds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Household.schema)
            .id()
            .field("household_number", .string, .required)
            .field("village_code", .string, .required, .references(Area.schema, "code", onDelete: .restrict))
            .field("group_code", .string, .references(Area.schema, "code", onDelete: .restrict))
            .field("grid_code", .string, .references(Area.schema, "code", onDelete: .restrict))
            .field("head_name", .string, .required)
            .field("household_type", .string, .required)
            .field("alleviated_year", .int)
            .field("member_count", .int, .required)
            .field("phone", .string)
            .field("address", .string, .required)
            .field("bank_account", .string)
            .field("monitoring_status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "household_number")
            .create()
        try await database.createIndex(
            on: Household.schema, named: "households_village_code", columns: ["village_code", "household_number"])
        try await database.createIndex(on: Household.schema, named: "households_grid_code", columns: ["grid_code"])
        try await database.createIndex(on: Household.schema, named: "households_head_name", columns: ["head_name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Household.schema).delete()
    }
}
