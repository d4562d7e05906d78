import Domain
import Fluent

/// Exchange cadences per area and with weekly and monthly patterns: `exchange_schedules` replaces the one global
/// row per department of `exchange_cadences`, whose rows become the national rows (every N days, in force from the
/// 2021 mechanism on).
struct CreateExchangeSchedules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExchangeSchedule.schema)
            .id()
            .field("department", .string, .required)
            .field("scope_code", .string)
            .field("effective_from", .string, .required)
            .field("pattern", .string, .required)
            .field("pattern_value", .int, .required)
            .field("source", .string, .required)
            .field("created_by", .string, .required)
            .unique(on: "department", "scope_code", "effective_from")
            .create()
        for cadence in try await ExchangeCadence.query(on: database).all() {
            let schedule = ExchangeSchedule()
            schedule.department = cadence.department
            schedule.scopeCode = nil
            schedule.effectiveFrom = ScreeningRuleSet.seededEffectiveFrom.description
            schedule.pattern = ExchangePattern.everyDays(cadence.everyDays).kind
            schedule.patternValue = cadence.everyDays
            schedule.source = cadence.source
            schedule.createdBy = "system"
            try await schedule.create(on: database)
        }
        try await database.schema(ExchangeCadence.schema).delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExchangeSchedule.schema).delete()
        try await CreateExchangeCadences().prepare(on: database)
    }
}
