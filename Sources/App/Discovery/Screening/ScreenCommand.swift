import Domain
import Fluent
import SQLKit
import Vapor

/// `shouwang screen [--area CODE] [--dry-run] [--changed]`: screens the registry now (every county, or one area)
/// and prints what it raised; with `--changed`, only the households changed since the last incremental run. The
/// same runs the schedule and the screening page start.
struct ScreenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "area", help: "area code to screen (default: every county with households)") var area: String?
        @Flag(name: "dry-run", help: "count hits per village without filing leads") var dryRun: Bool
        @Flag(name: "changed", help: "screen only the households changed since the last incremental run") var changed:
            Bool
    }

    var help: String { "Runs the screening rules over the registry and files the leads." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.changed {
            let runs = try await ScreeningService.runChanged(
                triggeredBy: "shouwang screen --changed", at: app.clock.now(),
                calendar: app.workingDayCalendar, on: app.db)
            if runs.isEmpty { context.console.print("no household changed since the last incremental run") }
            for run in runs { context.console.print(Self.line(run)) }
            return
        }
        if signature.area == nil, !signature.dryRun {
            let runs = try await ScreeningService.runEverywhere(
                triggeredBy: "shouwang screen", at: app.clock.now(),
                calendar: app.workingDayCalendar, on: app.db)
            for run in runs { context.console.print(Self.line(run)) }
            return
        }
        let scopes: [AccessScope]
        if let raw = signature.area {
            guard let code = AreaCode(raw) else { throw Abort(.badRequest, reason: "--area must be an area code") }
            scopes = [AccessScope(root: code)]
        } else {
            scopes = try await ScreeningSchedule.countyScopes(on: app.db)
        }
        for scope in scopes {
            let run = try await ScreeningService.run(
                scope: scope, dryRun: signature.dryRun, triggeredBy: "shouwang screen", at: app.clock.now(),
                calendar: app.workingDayCalendar, on: app.db)
            context.console.print(Self.line(run))
        }
    }

    static func line(_ run: ScreeningRun) -> String {
        "\(run.areaCode): \(run.status), \(run.households) households, \(run.hits) hits, \(run.newLeads) new leads, \(run.corroborated) corroborated\(run.error.map { " — \($0)" } ?? "")"
    }
}

/// The screening schedule: every county in full once a day at the configured hour, China time (每日筛查), and the
/// households changed since the last run at every other full hour (增量筛查), so a new record waits an hour at most;
/// each run also brings the data-quality findings current, so no one waits for them on the page.
struct ScreeningSchedule: LifecycleHandler {
    let hour: Int

    func didBootAsync(_ application: Application) async throws {
        let app = application
        let hour = self.hour
        app.storage[TaskKey.self] = Task {
            while !Task.isCancelled {
                let now = app.clock.now()
                let next = now.addingTimeInterval(
                    3_600 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 3_600))
                try? await Task.sleep(for: .seconds(next.timeIntervalSince(now)))
                guard !Task.isCancelled else { return }
                do {
                    let at = app.clock.now()
                    if ChinaTime.hour(of: at) == hour {
                        _ = try await ScreeningService.runEverywhere(
                            triggeredBy: "每日自动筛查", at: at, calendar: app.workingDayCalendar, on: app.db)
                    } else {
                        _ = try await ScreeningService.runChanged(
                            triggeredBy: "增量自动筛查", at: at, calendar: app.workingDayCalendar, on: app.db)
                    }
                    try await DataQualityStore.bringCurrent(today: ChinaTime.civilDate(of: at), on: app.db)
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[TaskKey.self]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }

    private struct CountyRow: Decodable { let county: String }

    /// One scope per county that has households.
    static func countyScopes(on database: any Database) async throws -> [AccessScope] {
        guard let sql = database as? any SQLDatabase else { return [] }
        let rows = try await sql.select()
            .column(
                SQLFunction(
                    "substr", args: SQLColumn("village_code"), SQLLiteral.numeric("1"), SQLLiteral.numeric("6")),
                as: "county"
            )
            .from(Household.schema).groupBy(
                SQLFunction("substr", args: SQLColumn("village_code"), SQLLiteral.numeric("1"), SQLLiteral.numeric("6"))
            )
            .all(decoding: CountyRow.self)
        return rows.compactMap { AreaCode(AreaCode.padded($0.county)).map(AccessScope.init) }
    }
}
