import Domain
import Fluent
import Foundation

/// 试运行: what a proposed version would raise in the user's area next to what the rules in force raise, per village,
/// both judged on the version's first day (or today, if later), nothing filed. Web and API call it.
enum ScreeningDryRun {
    struct Comparison {
        let baseline: ScreeningRun
        let trial: ScreeningRun
        /// Village codes → 「乡镇 · 村」, so that villages of the same name in two townships are told apart.
        let villageNames: [String: String]
    }

    static func compare(
        _ version: ScreeningRuleVersion, for user: CurrentUser, at now: Date, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> Comparison {
        let stored = try await DiscoveryConfiguration.storedVersions(on: database)
        let dryNow = max(
            ChinaTime.startOfDay(version.effective.from ?? ChinaTime.civilDate(of: now)).addingTimeInterval(12 * 3600),
            now)
        let baseline = try await ScreeningService.run(
            scope: user.scope, rules: stored, dryRun: true, triggeredBy: "\(user.username)（现行规则对照）",
            at: dryNow, calendar: calendar, on: database)
        let trial = try await ScreeningService.run(
            scope: user.scope, rules: stored + [version], dryRun: true,
            triggeredBy: "\(user.username)（试算 \(version.kind.label) 第 \(version.version) 版）",
            at: dryNow, calendar: calendar, on: database)
        let villages = Array(Set(trial.perVillage.keys).union(baseline.perVillage.keys))
        return Comparison(
            baseline: baseline, trial: trial,
            villageNames: try await AreaDirectory.qualifiedNames(of: villages, on: database))
    }
}
