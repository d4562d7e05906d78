import DemoData
import Domain
import Fluent
import Foundation
import Vapor

/// Fills an empty database with the demo county: official areas, generated villages, groups and grids,
/// one account per role, and the generated households with members and income history.
enum DemoBuilder {
    struct Options: Sendable {
        var countyCode = "512002000000"
        var households = 20_000
        var seed: UInt64 = 20_260_101
        var password = "shouwang-demo"
        var asOf = CivilDate(year: 2026, month: 6, day: 30) ?? CivilDate(daysSinceEpoch: 0)
    }

    struct Summary: Sendable {
        let villages: Int
        let households: Int
        let people: Int
        let accounts: [(username: String, role: Role, area: String)]
    }

    /// Whether the database already holds a demo (or any registry), which is then reused as it is.
    static func isBuilt(on database: any Database) async throws -> Bool {
        try await User.query(on: database).count() > 0
    }

    static func build(_ options: Options, app: Application) async throws -> Summary {
        let database = app.db
        guard let county = AreaCode(options.countyCode), county.level == .county else {
            throw Abort(.badRequest, reason: "demo county code must be a 12-digit county code")
        }
        try await RegionCatalog.load(
            prefix: String(county.scopePrefix.prefix(2)), resourcesDirectory: app.directory.resourcesDirectory,
            on: database)
        let townships = try await AreaDirectory.children(of: county.value, on: database).compactMap { area in
            AreaCode(area.code).map { DemoPopulation.Township(code: $0, name: area.name) }
        }
        let population = DemoPopulation(
            seed: options.seed, townships: townships, householdCount: options.households, asOf: options.asOf)
        try await DemoWriter.writeAreas(population, on: database)
        let (households, people) = try await DemoWriter.writeHouseholds(population, on: database)
        let accounts = try await DemoAccounts.create(
            population: population, county: county, password: options.password, app: app)
        try await DemoActivity.create(asOf: options.asOf, on: database)
        try await DemoDiscovery.create(county: county, asOf: options.asOf, seed: options.seed, app: app)
        return Summary(villages: population.villages.count, households: households, people: people, accounts: accounts)
    }
}
