import Domain
import Fluent
import Foundation
import Vapor

/// `shouwang generate [--province 51] [--households 1000000] [--seed N]`: a province-sized synthetic registry on the
/// real townships of a province, for benchmarks — villages, groups and grids, households with members, incomes and
/// guarantee assessments, written with multi-row inserts. Refuses to run on a database that already has households.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "province", help: "2-digit province code (default 51, 四川省)") var province: String?
        @Option(name: "households", help: "number of households (default 1000000)") var households: Int?
        @Option(name: "seed", help: "random seed (default 20260101)") var seed: UInt64?
    }

    var help: String { "Generates a province-sized synthetic registry for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let province = signature.province ?? "51"
        let count = signature.households ?? 1_000_000
        guard province.count == 2, province.allSatisfy(\.isASCIIDigit), (1...20_000_000).contains(count) else {
            throw Abort(.badRequest, reason: "--province must be 2 digits and --households 1…20000000")
        }
        guard try await Household.query(on: app.db).count() == 0 else {
            throw Abort(.conflict, reason: "the database already holds households; generate into an empty data directory")
        }
        let started = Date()
        try await RegionCatalog.load(prefix: province, resourcesDirectory: app.directory.resourcesDirectory, on: app.db)
        let townships = try await Area.query(on: app.db).filter(\.$level == AreaLevel.township.rawValue)
            .filter(\.$code >= province).filter(\.$code <= province + "9999999999").sort(\.$code).all()
            .compactMap { area in AreaCode(area.code).map { DemoPopulation.Township(code: $0, name: area.name) } }
        let population = DemoPopulation(seed: signature.seed ?? 20_260_101, townships: townships, householdCount: count,
                                        asOf: ChinaTime.civilDate(of: app.clock.now()))
        try await DemoWriter.writeAreas(population, on: app.db)
        context.console.print("\(townships.count) townships, \(population.villages.count) villages written in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        let (households, people) = try await DemoWriter.writeHouseholds(population, on: app.db)
        context.console.print("\(households) households, \(people) people in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
