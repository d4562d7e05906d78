@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Judgements kept current")
struct ScreeningJudgementStoreTests {
    private struct HitRow: Decodable { let household_id: UUID; let position: Int; let packed: String }

    /// The kept hits after bringing them current on `date`, and what bringing them current did.
    private func kept(
        _ app: Application, on date: CivilDate
    ) async throws -> ([UUID: [String]], ScreeningJudgementStore.Work) {
        let rules = try await DiscoveryConfiguration.rules(on: app.db)
        let line = try await DiscoveryConfiguration.monitoringLine(on: app.db)
        let work = try await app.db.withBulkConnection { connection in
            let seq = try await ScreeningFactsStore.refresh(incomeYear: date.year - 1, on: connection)
            return try await ScreeningJudgementStore.exclusively(on: connection) {
                try await ScreeningJudgementStore.bringCurrent(
                    rules: rules, line: line, on: date, through: seq, database: connection)
            }
        }
        let sql = try #require(app.db as? any SQLDatabase)
        var hits: [UUID: [String]] = [:]
        for row in try await sql.raw(
            "SELECT household_id, position, packed FROM screening_hits ORDER BY household_id, position"
        )
        .all(decoding: HitRow.self) {
            hits[row.household_id, default: []].append(row.packed)
        }
        return (hits, work)
    }

    /// Every household judged afresh on `date`, packed as the store packs hits.
    private func fresh(_ app: Application, on date: CivilDate) async throws -> [UUID: [String]] {
        let rules = try await DiscoveryConfiguration.rules(on: app.db)
        let line = try await DiscoveryConfiguration.monitoringLine(on: app.db)
        let sql = try #require(app.db as? any SQLDatabase)
        try await ScreeningFactsStore.refresh(incomeYear: date.year - 1, on: app.db)
        var hits: [UUID: [String]] = [:]
        try await ScreeningService.judge(in: nil, only: nil, rules: rules, line: line, on: date, sql: sql) {
            judged, _ in
            for (candidate, found) in judged where !found.isEmpty {
                hits[candidate.id] = found.map(ScreeningJudgementStore.pack)
            }
        }
        return hits
    }

    @Test(
        "kept hits equal a fresh judgement after registry changes, new records, days passing, a new rule version and a day back"
    )
    func keptEqualsFresh() async throws {
        try await withDemoApp(households: 200) { app in
            let today = ChinaTime.civilDate(of: testNow)
            // setup: the demo's first screening judged everyone; nothing has changed since
            let (initial, quiet) = try await kept(app, on: today)
            #expect(quiet.named == 0 && quiet.judged == 0)
            #expect(initial == (try await fresh(app, on: today)))
            #expect(initial.count > 10)

            // act: one household's income falls; one medical record grows far above the threshold, dated so that it
            // leaves the 12-month window in five days
            let households = try await Household.query(on: app.db).sort(\.$householdNumber).all()
            let quietOne = try #require(households.first { initial[try! $0.requireID()] == nil })
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == quietOne.requireID())
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet = 100
            try await income.save(on: app.db)
            let record = try #require(
                try await DepartmentEventRecord.query(on: app.db)
                    .filter(\.$kind == DepartmentEventKind.medicalSelfPay.rawValue).filter(\.$householdID != nil)
                    .first())
            record.amount = 9_000_000
            record.eventDate = today.addingMonths(-12).adding(days: 5).description
            try await record.save(on: app.db)
            let (changed, work) = try await kept(app, on: today)
            // check: only the two households were judged again, and the kept hits are what a fresh judgement finds
            #expect(work.named == 2)
            #expect(changed == (try await fresh(app, on: today)))
            #expect(changed[try quietOne.requireID()]?.isEmpty == false)
            #expect(changed != initial)

            // act: four weeks later records have left their windows; only the households whose judgement ran out are judged
            let later = today.adding(days: 28)
            let (aged, agedWork) = try await kept(app, on: later)
            let recordHousehold = try #require(record.householdID)
            #expect(agedWork.named != nil && (agedWork.named ?? 0) >= 1 && (agedWork.named ?? 0) < changed.count)
            #expect(aged[recordHousehold] != changed[recordHousehold], "the large record no longer counts")
            #expect(aged == (try await fresh(app, on: later)))

            // act: a lower self-pay threshold comes into force: everyone is judged again
            let version = ScreeningRuleRecord()
            version.kind = ScreeningRuleKind.hospitalSelfPay.rawValue
            version.version = 9
            version.parametersJSON = #"{"thresholdFen": 100000, "windowMonths": 12}"#
            version.effectiveFrom = later.adding(days: 1).description
            version.scopeCode = nil
            version.enabled = true
            version.note = "test"
            version.createdBy = "test"
            let existing = try await ScreeningRuleRecord.query(on: app.db).filter(
                \.$kind == ScreeningRuleKind.hospitalSelfPay.rawValue
            ).all()
            for old in existing where old.effectiveTo == nil {
                old.effectiveTo = later.description
                try await old.save(on: app.db)
            }
            try await version.create(on: app.db)
            let (lowered, loweredWork) = try await kept(app, on: later.adding(days: 1))
            #expect(loweredWork.named == nil)
            #expect(lowered == (try await fresh(app, on: later.adding(days: 1))))
            #expect(lowered.values.joined().count > aged.values.joined().count)

            // act: a day back (a clock set back): everyone again
            let (back, backWork) = try await kept(app, on: today)
            #expect(backWork.named == nil)
            #expect(back == (try await fresh(app, on: today)))
        }
    }

    @Test(
        "hits that keep their kinds and days but change their numbers are rewritten in place as a fresh judgement finds them"
    )
    func numbersRewrittenInPlace() async throws {
        try await withDemoApp(households: 200) { app in
            // setup: a household kept with an income hit
            let today = ChinaTime.civilDate(of: testNow)
            let (initial, _) = try await kept(app, on: today)
            let household = try #require(
                initial.first { _, packed in
                    packed.contains { ScreeningJudgementStore.unpack($0)?.kind == .incomeBelowLine }
                }?.key)
            // act: its income falls by a fen
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == household)
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet -= 1
            try await income.save(on: app.db)
            let (after, work) = try await kept(app, on: today)
            // check: the same hits with the new numbers, kept with the fingerprints and risks of a fresh judgement
            #expect(work.named == 1)
            #expect(after == (try await fresh(app, on: today)))
            #expect(after[household]?.count == initial[household]?.count && after[household] != initial[household])
            struct Kept: Decodable, Equatable { let risk_type: String; let fingerprint: String }
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw(
                """
                SELECT risk_type, fingerprint FROM screening_hits WHERE household_id = \(bind: household) ORDER BY position
                """
            ).all(decoding: Kept.self)
            let expected = (after[household] ?? []).compactMap(ScreeningJudgementStore.unpack).map {
                Kept(risk_type: $0.riskType.rawValue, fingerprint: LeadIntake.fingerprint(of: $0))
            }
            #expect(rows == expected)
        }
    }

    @Test("a dry run's counts and a real run's leads come from the kept hits, and a rerun files nothing new")
    func runsReadKeptHits() async throws {
        try await withDemoApp(households: 200) { app in
            let county = try #require(AreaCode("512002000000"))
            let dry = try await ScreeningService.run(
                scope: AccessScope(root: county), dryRun: true, triggeredBy: "test", at: testNow,
                calendar: app.workingDayCalendar, on: app.db)
            let today = ChinaTime.civilDate(of: testNow)
            let expected = try await fresh(app, on: today)
            #expect(dry.status == "finished")
            #expect(dry.hits == expected.values.map(\.count).reduce(0, +))
            let real = {
                try await ScreeningService.run(
                    scope: AccessScope(root: county), dryRun: false, triggeredBy: "test", at: testNow,
                    calendar: app.workingDayCalendar, on: app.db)
            }
            let first = try await real()
            let again = try await real()
            #expect(first.hits == dry.hits && again.hits == dry.hits)
            #expect(again.newLeads == 0 && again.corroborated == 0)
            let filed = try await LeadSource.query(on: app.db).filter(
                \.$reference == "screening:\(try first.requireID().uuidString.lowercased())"
            ).count()
            #expect(filed == first.newLeads + first.corroborated)
            // act: a screening lead is rejected while its risk persists
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$channel == LeadChannel.screening.rawValue)
                    .filter(\.$state ~~ LeadIntake.openStates).first())
            lead.state = LeadState.rejected.rawValue
            lead.closedAt = testNow
            try await lead.save(on: app.db)
            let afterRejection = try await real()
            // check: the closed loop holds — its unchanged hits are read again but settled by the rejected lead, and nothing
            // is filed
            #expect(afterRejection.newLeads == 0 && afterRejection.corroborated == 0)
            #expect((afterRejection.settled ?? 0) >= 1)
            let reopened = try await RiskLead.query(on: app.db).filter(\.$household.$id == lead.$household.id)
                .filter(\.$riskType == lead.riskType).filter(\.$state ~~ LeadIntake.openStates).count()
            #expect(reopened == 0)
        }
    }

    @Test("a real run over named households counts all their hits, as a dry run over them does")
    func namedRealRunCountsItsHits() async throws {
        try await withDemoApp(households: 200) { app in
            // setup: a few households with kept hits and one without
            let sql = try #require(app.db as? any SQLDatabase)
            struct Row: Decodable { let household_id: UUID }
            let hit = Set(
                try await sql.raw("SELECT household_id FROM screening_hits").all(decoding: Row.self).map(\.household_id)
            )
            let quiet = try #require(
                try await Household.query(on: app.db).all().first { !hit.contains(try! $0.requireID()) })
            let named = Array(hit.sorted { $0.uuidString < $1.uuidString }.prefix(5)) + [try quiet.requireID()]
            let county = AccessScope(root: try #require(AreaCode("512002000000")))
            let run = { (dryRun: Bool) in
                try await ScreeningService.run(
                    scope: county, households: named, dryRun: dryRun, triggeredBy: "test", at: testNow,
                    calendar: app.workingDayCalendar, on: app.db)
            }
            // act
            let dry = try await run(true)
            let real = try await run(false)
            // check
            let counts = { (run: ScreeningRun) in
                try JSONDecoder().decode([String: [String: Int]].self, from: Data(run.summaryJSON.utf8))
            }
            #expect(real.status == "finished" && real.households == 6, "\(real.error ?? "")")
            #expect(real.hits == dry.hits && real.hits >= 5)
            #expect(try counts(real) == (try counts(dry)))
        }
    }

    @Test(
        "two screenings started together while the judgements need rebuilding both finish, and agree with a fresh judgement"
    )
    func concurrentRuns() async throws {
        try await withDemoApp(households: 200) { app in
            // setup: the kept judgements made unusable, so the first run to get in rebuilds them
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE screening_judgement_state SET basis = ''").run()
            let county = AccessScope(root: try #require(AreaCode("512002000000")))
            let (calendar, database) = (app.workingDayCalendar, app.db)
            // act
            async let first = ScreeningService.run(
                scope: county, dryRun: true, triggeredBy: "test", at: testNow, calendar: calendar, on: database)
            async let second = ScreeningService.run(
                scope: county, dryRun: false, triggeredBy: "test", at: testNow, calendar: calendar, on: database)
            let (dry, real) = try await (first, second)
            // check
            #expect(dry.status == "finished" && real.status == "finished", "\(dry.error ?? "") \(real.error ?? "")")
            #expect(dry.hits == real.hits)
            #expect(
                dry.hits
                    == (try await fresh(app, on: ChinaTime.civilDate(of: testNow))).values.map(\.count).reduce(0, +))
        }
    }

    @Test("a hit packs and unpacks whole, separators and line breaks included")
    func packing() {
        let hit = RuleHit(
            kind: .hospitalSelfPay, version: 3, riskType: .illness, values: ["自付金额": "1:2-3", "阈值": "\n;|"],
            message: "住院自付 12 元，超过 1 元 - 8:x", memberName: nil, idNumber: "51200219700305001X")
        #expect(ScreeningJudgementStore.unpack(ScreeningJudgementStore.pack(hit)) == hit)
        #expect(ScreeningJudgementStore.unpack("3:abc") == nil)
    }
}
