import Domain
import Fluent
import Foundation
import SQLKit

/// 筛查: applies the rules in force to every household of an area (or to the households given), with the department
/// data of the last twelve months, and files each hit as a lead source. A dry run only counts, per village.
enum ScreeningService {
    struct Result: Sendable {
        var households = 0
        var hits = 0
        var newLeads = 0
        var corroborated = 0
        var perVillage: [String: [String: Int]] = [:]
    }

    /// Rules whose facts come from department data: their leads count as department pushes.
    static let departmentKinds: Set<ScreeningRuleKind> = [.hospitalSelfPay, .newSeriousIllness, .newMinimumLiving, .newExtremePoverty,
                                                          .newSevereDisability, .disasterDamage, .jobLoss]

    static let batchSize = 2_000

    /// Runs and records a screening run. `households` limits it to some households (incremental screening after
    /// new data); `rules` replaces the stored rules (a dry run of a proposed change).
    @discardableResult
    static func run(scope: AccessScope, households only: [UUID]? = nil, rules proposed: [ScreeningRuleVersion]? = nil, dryRun: Bool,
                    triggeredBy: String, at now: Date, calendar: WorkingDayCalendar, on database: any Database) async throws -> ScreeningRun {
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
            let result = try await screen(scope: scope, only: only, proposed: proposed, dryRun: dryRun, runID: try run.requireID(),
                                          at: now, calendar: calendar, on: database)
            run.households = result.households
            run.hits = result.hits
            run.newLeads = result.newLeads
            run.corroborated = result.corroborated
            run.summaryJSON = (try? JSONEncoder().encode(result.perVillage)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            run.status = "finished"
        } catch {
            run.status = "failed"
            run.error = String(describing: error)
        }
        run.finishedAt = Date()
        try await run.save(on: database)
        return run
    }

    private static func screen(scope: AccessScope, only: [UUID]?, proposed: [ScreeningRuleVersion]?, dryRun: Bool, runID: UUID,
                               at now: Date, calendar: WorkingDayCalendar, on database: any Database) async throws -> Result {
        guard let sql = database as? any SQLDatabase else { return Result() }
        let date = ChinaTime.civilDate(of: now)
        let ruleSet: ScreeningRuleSet
        if let proposed {
            do { ruleSet = try ScreeningRuleSet(versions: proposed) } catch { throw ScreeningConfigurationError(message: error.message) }
        } else {
            ruleSet = try await DiscoveryConfiguration.rules(on: database)
        }
        let line = try await DiscoveryConfiguration.monitoringLine(on: database)
        var result = Result()
        var lastNumber = ""
        while true {
            var query = sql.select().columns(["id", "household_number", "village_code", "member_count"].map { SQLColumn($0) })
                .from(Household.schema).where(scope.householdPredicate())
                .where(SQLColumn("household_number"), .greaterThan, SQLBind(lastNumber))
                .orderBy("household_number").limit(batchSize)
            if let only { query = query.where(SQLColumn("id"), .in, SQLBind.group(only)) }
            let households = try await query.all(decoding: ScreeningFacts.HouseholdRow.self)
            guard let last = households.last else { break }
            lastNumber = last.household_number
            let facts = try await ScreeningFacts.load(households, on: date, line: { line.amount(at: $0, on: date) }, sql: sql)
            var signals: [LeadSignal] = []
            for household in households {
                guard let householdFacts = facts[household.id] else { continue }
                result.households += 1
                let hits = ScreeningEngine.evaluate(householdFacts, rules: ruleSet.inForce(for: householdFacts.villageCode, on: date), on: date)
                result.hits += hits.count
                for hit in hits {
                    result.perVillage[household.village_code, default: [:]][hit.kind.rawValue, default: 0] += 1
                    signals.append(LeadSignal(
                        householdID: household.id, villageCode: household.village_code, riskType: hit.riskType,
                        channel: departmentKinds.contains(hit.kind) ? .department : .screening,
                        reference: "screening:\(runID.uuidString.lowercased())", ruleKind: hit.kind, ruleVersion: hit.version,
                        values: hit.values, message: hit.message, reporter: "系统筛查",
                        fingerprint: LeadIntake.fingerprint(hit.kind.rawValue, hit.idNumber ?? "", hit.message)
                    ))
                }
            }
            if !dryRun, !signals.isEmpty {
                let batch = signals
                let outcomes = try await database.transaction { database in
                    try await LeadIntake.receive(batch, at: now, policy: .seeded, calendar: calendar, on: database)
                }
                result.newLeads += outcomes.filter { $0 == .created }.count
                result.corroborated += outcomes.filter { $0 == .corroborated }.count
            }
            if households.count < batchSize { break }
        }
        return result
    }
}
