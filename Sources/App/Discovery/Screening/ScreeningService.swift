import Domain
import Fluent
import Foundation
import SQLKit

/// 筛查: applies the rules in force to the households of an area (or to the households given) that can be hit at
/// all (`ScreeningBounds`), with their kept facts and the department records in each rule's window, and files each
/// hit as a lead source. A dry run only counts, per village.
enum ScreeningService {
    struct Result: Sendable {
        var households = 0
        var hits = 0
        var newLeads = 0
        var corroborated = 0
        var attached = 0
        var settled = 0
        var perVillage: [String: [String: Int]] = [:]
    }

    /// Rules that read department data (housing, water and enrolment records included): their leads count as department pushes.
    static let departmentKinds: Set<ScreeningRuleKind> = Set(ScreeningRuleKind.allCases.filter { $0.recordKind != nil })

    static let batchSize = 2_000

    /// Runs and records a screening run. `households` limits it to some households (incremental screening after
    /// new data); `rules` replaces the stored rules (a dry run of a proposed change).
    @discardableResult
    /// A real run that files anything is audited, by `actor` (the system for the schedule and department files, the
    /// user who asked otherwise), with what it filed; each lead's sources name the run.
    static func run(
        scope: AccessScope, households only: [UUID]? = nil, rules proposed: [ScreeningRuleVersion]? = nil, dryRun: Bool,
        triggeredBy: String, actor: AuditLog.Actor = .system, at now: Date, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> ScreeningRun {
        let run = ScreeningRun()
        run.startedAt = now
        run.dryRun = dryRun
        run.areaCode = scope.root.value
        run.triggeredBy = triggeredBy
        run.households = 0; run.hits = 0; run.newLeads = 0; run.corroborated = 0
        run.status = "running"
        run.summaryJSON = "{}"
        try await run.create(on: database)
        do {
            let runID = try run.requireID()
            let result = try await database.withBulkConnection { connection in
                try await screen(
                    scope: scope, only: only, proposed: proposed, dryRun: dryRun, runID: runID,
                    at: now, calendar: calendar, on: connection)
            }
            run.households = result.households
            run.hits = result.hits
            run.newLeads = result.newLeads
            run.corroborated = result.corroborated
            run.attached = result.attached
            run.settled = result.settled
            run.summaryJSON =
                (try? JSONEncoder().encode(result.perVillage)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            run.status = "finished"
        } catch {
            run.status = "failed"
            run.error = String(describing: error)
            database.logger.error("screening run failed: \(String(reflecting: error))")
        }
        run.finishedAt = Date()
        try await run.save(on: database)
        if !dryRun, run.status == "failed" || run.newLeads + run.corroborated + (run.attached ?? 0) > 0 {
            try await AuditLog.record(
                .create, entityType: "screening_run", entityID: try run.requireID().uuidString,
                areaCode: scope.root.value,
                summary: run.status == "failed"
                    ? "筛查失败（\(triggeredBy)）：\(run.error ?? "")"
                    : "筛查登记线索（\(triggeredBy)）：\(run.households) 户，新线索 \(run.newLeads) 条，印证已有线索 \(run.corroborated) 条，"
                        + "附入已纳入农户案件 \(run.attached ?? 0) 条",
                after: [
                    "new_leads": String(run.newLeads), "corroborated": String(run.corroborated),
                    "attached": String(run.attached ?? 0), "settled": String(run.settled ?? 0),
                ],
                actor: actor, at: now, on: database)
        }
        return run
    }

    /// 立即筛查: a user's whole area now, filed and audited.
    static func runOnDemand(
        by user: CurrentUser, actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> ScreeningRun {
        try user.require(.runScreening)
        return try await run(
            scope: user.scope, dryRun: false, triggeredBy: user.username, actor: actor, at: now, calendar: calendar,
            on: database)
    }

    /// 全量筛查: every county in turn. Having judged every household, it also moves the incremental screening's
    /// mark past the changes it has seen, so the change log does not grow between nights.
    static func runEverywhere(
        triggeredBy: String, at now: Date, calendar: WorkingDayCalendar, on database: any Database
    ) async throws -> [ScreeningRun] {
        let through = try await ScreeningFactsStore.refresh(
            incomeYear: ChinaTime.civilDate(of: now).year - 1, on: database)
        var runs: [ScreeningRun] = []
        for scope in try await ScreeningSchedule.countyScopes(on: database) {
            runs.append(
                try await run(
                    scope: scope, dryRun: false, triggeredBy: triggeredBy, at: now, calendar: calendar, on: database))
        }
        if runs.allSatisfy({ $0.status == "finished" }) {
            try await ScreeningFactsStore.markScreened(through: through, on: database)
        }
        return runs
    }

    /// 增量筛查: every household whose registry rows or department records changed since the last incremental run,
    /// one run per province, then marks them screened. The hourly schedule and `shouwang screen --changed` use it.
    static func runChanged(
        triggeredBy: String, at now: Date, calendar: WorkingDayCalendar, on database: any Database
    ) async throws -> [ScreeningRun] {
        // One connection throughout, so that its page cache serves every step, and the write-ahead log copied into the
        // database once at the end rather than by each commit that takes it past SQLite's threshold: the refresh, the
        // judgements and the filing each write thousands of pages, many of them the same index pages.
        try await database.withBulkConnection { connection in
            let runs = try await connection.withoutCheckpointAtCommit {
                try await screenChanged(triggeredBy: triggeredBy, at: now, calendar: calendar, on: connection)
            }
            try await connection.checkpointWriteAheadLog()
            return runs
        }
    }

    private static func screenChanged(
        triggeredBy: String, at now: Date, calendar: WorkingDayCalendar, on database: any Database
    ) async throws -> [ScreeningRun] {
        let date = ChinaTime.civilDate(of: now)
        let started = Date()
        let (changed, through) = try await ScreeningFactsStore.changedSinceScreening(
            incomeYear: date.year - 1, on: database)
        database.logger.info(
            "incremental screening: facts of \(changed.count) changed households refreshed in \(Date().timeIntervalSince(started)) s"
        )
        var runs: [ScreeningRun] = []
        for (province, households) in Dictionary(grouping: changed, by: { String($0.village.prefix(2)) }).sorted(by: {
            $0.key < $1.key
        }) {
            guard let root = AreaCode(AreaCode.padded(province)) else { continue }
            // Past a point, naming the households costs more than screening the whole province, which judges them too.
            let only = households.count > wholeScopeThreshold ? nil : households.map(\.id)
            runs.append(
                try await run(
                    scope: AccessScope(root: root), households: only, dryRun: false,
                    triggeredBy: triggeredBy, at: now, calendar: calendar, on: database))
        }
        if runs.allSatisfy({ $0.status == "finished" }) {
            try await ScreeningFactsStore.markScreened(through: through, on: database)
        }
        return runs
    }

    /// Households named to a run above which screening the whole scope is cheaper (it judges them too): for the
    /// incremental run in each province, and for a department file's households in the sender's area.
    static let wholeScopeThreshold = 50_000

    /// The engine over a batch, split across the cores: it is pure, so the halves need nothing from each other.
    private static func judge(
        _ batch: [ScreeningFacts.Candidate], rules: [String: [ScreeningRuleVersion]],
        on date: CivilDate
    ) async -> [(ScreeningFacts.Candidate, [RuleHit])] {
        let parts = batch.chunked(into: max(1, (batch.count + judgeConcurrency - 1) / judgeConcurrency))
        return await withTaskGroup(of: (Int, [(ScreeningFacts.Candidate, [RuleHit])]).self) { group in
            for (position, part) in parts.enumerated() {
                group.addTask {
                    (
                        position,
                        part.map { candidate in
                            (
                                candidate,
                                ScreeningEngine.evaluate(
                                    candidate.facts, prepared: rules[candidate.villageCode] ?? [], on: date)
                            )
                        }
                    )
                }
            }
            var judged = Array(repeating: [(ScreeningFacts.Candidate, [RuleHit])](), count: parts.count)
            for await (position, part) in group { judged[position] = part }
            return judged.flatMap { $0 }
        }
    }

    static let judgeConcurrency = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Judges the households of `scope` (nil: all) and among `only` that can be hit at all (`ScreeningBounds`),
    /// a batch at a time in household-number order, handing `body` each batch's judgements and the rules prepared
    /// for a village. Returns how many households were selected.
    @discardableResult
    static func judge(
        in scope: AccessScope?, only: [UUID]?, rules ruleSet: ScreeningRuleSet, line: MonitoringLine,
        on date: CivilDate,
        sql: any SQLDatabase,
        body: ([(ScreeningFacts.Candidate, [RuleHit])], (String) -> [ScreeningRuleVersion]) async throws -> Void
    ) async throws -> Int {
        let bounds = ScreeningBounds(rules: ruleSet, line: line, on: date)
        let lineAt = { (village: AreaCode) in line.amount(at: village, on: date) }
        let selection = try await ScreeningFactsStore.candidates(
            in: scope, only: only, bounds: bounds, on: date, sql: sql)
        var rulesByVillage: [String: [ScreeningRuleVersion]] = [:]
        try await ScreeningFacts.batches(selection, size: batchSize, bounds: bounds, on: date, line: lineAt, sql: sql) {
            batch in
            for candidate in batch where rulesByVillage[candidate.villageCode] == nil {
                rulesByVillage[candidate.villageCode] = ScreeningEngine.prepared(
                    ruleSet.inForce(for: candidate.facts.villageCode, on: date),
                    for: candidate.facts.villageCode, on: date)
            }
            let prepared = rulesByVillage
            try await body(await judge(batch, rules: prepared, on: date), { prepared[$0] ?? [] })
        }
        return selection.rows.count
    }

    private static func screen(
        scope: AccessScope, only: [UUID]?, proposed: [ScreeningRuleVersion]?, dryRun: Bool, runID: UUID,
        at now: Date, calendar: WorkingDayCalendar, on database: any Database
    ) async throws -> Result {
        guard let sql = database as? any SQLDatabase else { return Result() }
        let date = ChinaTime.civilDate(of: now)
        let stored = try await DiscoveryConfiguration.rules(on: database)
        let ruleSet: ScreeningRuleSet
        if let proposed {
            ruleSet = ScreeningRuleSet(resolving: proposed)
        } else {
            ruleSet = stored
        }
        let line = try await DiscoveryConfiguration.monitoringLine(on: database)
        let timings = StepTimings()
        let seq = try await ScreeningFactsStore.refresh(incomeYear: date.year - 1, on: database)
        var result = Result()
        if let only {
            result.households = try await ScreeningFactsStore.count(of: only, in: scope, sql: sql)
        } else {
            result.households = try await ScreeningFactsStore.count(in: scope, sql: sql)
        }
        let filing = Filing(
            runID: runID, now: now, calendar: calendar, policies: try await LeadPolicies.table(on: database))
        // A proposed change is judged afresh; the rules in force are judged once and kept (`ScreeningJudgementStore`).
        guard Set(ruleSet.versions) == Set(stored.versions) else {
            let selected = try await judge(in: scope, only: only, rules: ruleSet, line: line, on: date, sql: sql) {
                judged, _ in
                let households = judged.map {
                    ScreeningJudgementStore.Judged(householdID: $0.0.id, villageCode: $0.0.villageCode, hits: $0.1)
                }
                Filing.count(households, into: &result)
                if !dryRun { try await filing.file(households, into: &result, on: database) }
            }
            timings.mark("proposed rules")
            var metadata = timings.metadata(rows: result.hits)
            metadata["candidates"] = "\(selected)"
            database.logger.info("screening timings", metadata: metadata)
            return result
        }
        let counted = result
        return try await ScreeningJudgementStore.exclusively(on: database) {
            var result = counted
            let work = try await ScreeningJudgementStore.bringCurrent(
                rules: ruleSet, line: line, on: date, through: seq, database: database)
            timings.mark("refresh, count and judge")
            if only != nil, !dryRun {
                // Every hit of the named households is read to be filed, and counted on the way.
                try await ScreeningJudgementStore.hitsToFile(in: scope, only: only, sql: sql) { batch in
                    Filing.count(batch, into: &result)
                    try await filing.file(batch, into: &result, on: database)
                }
            } else {
                (result.perVillage, result.hits) = try await ScreeningJudgementStore.counts(
                    in: scope, only: only, sql: sql)
                if !dryRun {
                    try await ScreeningJudgementStore.hitsToFile(in: scope, only: only, sql: sql) { batch in
                        try await filing.file(batch, into: &result, on: database)
                    }
                }
            }
            timings.mark("read and file")
            var metadata = timings.metadata(rows: result.hits)
            metadata["rejudged"] = "\(work.named.map(String.init) ?? "all")"
            metadata["judged"] = "\(work.judged)"
            metadata["hits of judged"] = "\(work.hits)"
            database.logger.info("screening timings", metadata: metadata)
            return result
        }
    }

    /// Files a run's hits as lead sources, and counts them per village.
    private struct Filing {
        let runID: UUID
        let now: Date
        let calendar: WorkingDayCalendar
        let policies: PolicyTable<LeadDeadlinePolicy>

        /// Adds a batch's hits, and per village and rule the households hit (`DryRunSummary`), to the run's counts.
        static func count(_ judged: [ScreeningJudgementStore.Judged], into result: inout Result) {
            result.hits += judged.reduce(0) { $0 + $1.hits.count }
            let summary = DryRunSummary.summarize(
                judged.compactMap { household in
                    AreaCode(household.villageCode).map { (villageCode: $0, hits: household.hits) }
                })
            for (village, kinds) in summary {
                for (kind, households) in kinds {
                    result.perVillage[village.value, default: [:]][kind.rawValue, default: 0] += households
                }
            }
        }

        /// Files the hits in one transaction and adds the new leads and corroborations to the run's record.
        func file(
            _ judged: [ScreeningJudgementStore.Judged], into result: inout Result, on database: any Database
        ) async throws {
            let signals = judged.flatMap { household in
                household.hits.map { hit in
                    LeadSignal(
                        householdID: household.householdID, villageCode: household.villageCode, riskType: hit.riskType,
                        channel: departmentKinds.contains(hit.kind) ? .department : .screening,
                        reference: "screening:\(runID.uuidString.lowercased())", ruleKind: hit.kind,
                        ruleVersion: hit.version,
                        values: hit.values, message: hit.message, reporter: "系统筛查",
                        fingerprint: LeadIntake.fingerprint(of: hit)
                    )
                }
            }
            guard !signals.isEmpty else { return }
            let (now, calendar, policies) = (now, calendar, policies)
            // `database` is the run's bulk connection: see `transactionOnConnection`.
            let outcomes = try await database.transactionOnConnection { database in
                try await LeadIntake.receive(signals, at: now, policies: policies, calendar: calendar, on: database)
            }
            result.newLeads += outcomes.filter { $0 == .created }.count
            result.corroborated += outcomes.filter { $0 == .corroborated }.count
            result.attached += outcomes.filter { $0 == .attached }.count
            result.settled += outcomes.filter { $0 == .settled }.count
        }
    }
}
