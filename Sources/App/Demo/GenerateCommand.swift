import DemoData
import Domain
import Fluent
import Foundation
import Vapor

/// `shouwang generate [--province 51] [--households 1000000] [--department-rows N] [--seed N]`: a province-sized
/// synthetic registry on the real townships of a province, for benchmarks — villages, groups and grids, households
/// with members, incomes and guarantee assessments written with multi-row inserts, then department records (as many
/// as households by default) with one set-based statement, and the screening facts built. Refuses to write a
/// registry into a database that already has households; `--departments-only` adds the records to one.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "province", help: "2-digit province code (default 51, 四川省)") var province: String?
        @Option(name: "households", help: "number of households (default 1000000)") var households: Int?
        @Option(name: "seed", help: "random seed (default 20260101)") var seed: UInt64?
        @Option(name: "department-rows", help: "department records to add (default: one per household)")
        var departmentRows: Int?
        @Flag(name: "departments-only", help: "only add department records to the registry already there")
        var departmentsOnly: Bool
    }

    var help: String { "Generates a province-sized synthetic registry for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let province = signature.province ?? "51"
        let count = signature.households ?? 1_000_000
        guard province.count == 2, province.allSatisfy(\.isASCIIDigit), (1...20_000_000).contains(count) else {
            throw Abort(.badRequest, reason: "--province must be 2 digits and --households 1…20000000")
        }
        let started = Date()
        let elapsed = { String(format: "%.1f", Date().timeIntervalSince(started)) }
        let today = ChinaTime.civilDate(of: app.clock.now())
        if !signature.departmentsOnly {
            guard try await Household.query(on: app.db).count() == 0 else {
                throw Abort(
                    .conflict, reason: "the database already holds households; generate into an empty data directory")
            }
            try await RegionCatalog.load(
                prefix: province, resourcesDirectory: app.directory.resourcesDirectory, on: app.db)
            let townships = try await Area.query(on: app.db).filter(\.$level == AreaLevel.township.rawValue)
                .filter(\.$code >= province).filter(\.$code <= province + "9999999999").sort(\.$code).all()
                .compactMap { area in AreaCode(area.code).map { DemoPopulation.Township(code: $0, name: area.name) } }
            let population = DemoPopulation(
                seed: signature.seed ?? 20_260_101, townships: townships, householdCount: count, asOf: today)
            try await DemoWriter.writeAreas(population, on: app.db)
            context.console.print(
                "\(townships.count) townships, \(population.villages.count) villages written in \(elapsed()) s")
            let (households, people) = try await DemoWriter.writeHouseholds(population, on: app.db)
            context.console.print("\(households) households, \(people) people in \(elapsed()) s")
        }
        let records = try await GeneratedDepartmentData.write(
            count: signature.departmentRows ?? count, through: today, on: app.db)
        context.console.print("\(records) department records in \(elapsed()) s")
        // Generated data counts as screened: facts are built in full and the incremental log starts empty.
        try await ScreeningFactsStore.markAllCurrent(incomeYear: today.year - 1, on: app.db)
        context.console.print("screening facts built in \(elapsed()) s")
    }
}
