@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Screening facts kept current, and incremental screening")
struct ScreeningFactsTests {
    private struct FactsRow: Decodable {
        let per_capita_last: Int64?
        let housing_grade: String?
        let higher_education: Int
        let water_secured: Bool?
    }

    private func facts(of id: UUID, _ app: Application) async throws -> FactsRow {
        let sql = try #require(app.db as? any SQLDatabase)
        try await ScreeningFactsStore.refresh(incomeYear: 2025, on: app.db)
        return try #require(
            try await sql.select().columns("per_capita_last", "housing_grade", "higher_education", "water_secured")
                .from(ScreeningFactsRow.schema).where("household_id", .equal, id).first(decoding: FactsRow.self))
    }

    private func runChanged(_ app: Application) async throws -> [ScreeningRun] {
        try await ScreeningService.runChanged(
            triggeredBy: "test", at: testNow, calendar: app.workingDayCalendar, on: app.db)
    }

    @Test(
        "facts follow income, assessment and member writes, and the incremental run screens just the changed household, once"
    )
    func factsFollowWrites() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: the demo's first screening left nothing to screen incrementally
            #expect(try await runChanged(app).isEmpty)
            let household = try #require(try await Household.query(on: app.db).sort(\.$householdNumber).first())
            let id = try household.requireID()
            let before = try await facts(of: id, app)
            // act: last year's income falls to 1 yuan a head, the house is rated D, and one more member is at university
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == id)
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet = 100
            try await income.save(on: app.db)
            let rating = GuaranteeRecord()
            rating.$household.id = id
            rating.kind = GuaranteeKind.housingSafety.rawValue
            rating.assessedOn = "2026-11-20"
            rating.secured = false
            rating.housingGrade = HousingSafetyGrade.d.rawValue
            rating.note = ""
            rating.recordedBy = "test"
            try await rating.create(on: app.db)
            // a child (之子/之女) counts; the spouse at university does not (S0 counts 子女)
            let members = try await Member.query(on: app.db).filter(\.$household.$id == id).filter(\.$departedOn == nil)
                .all()
            let child = try #require(
                members.first {
                    ["son", "daughter"].contains($0.relation)
                        && !(SchoolStatus(rawValue: $0.schoolStatus ?? "")?.isHigherEducation ?? false)
                })
            child.schoolStatus = SchoolStatus.bachelor.rawValue
            try await child.save(on: app.db)
            if let adult = members.first(where: { !["son", "daughter"].contains($0.relation) }) {
                adult.schoolStatus = SchoolStatus.bachelor.rawValue
                try await adult.save(on: app.db)
            }
            // check: the kept facts say so
            let after = try await facts(of: id, app)
            #expect(after.per_capita_last == 100)
            #expect(after.housing_grade == "D")
            #expect(after.higher_education == before.higher_education + 1)
            // act: the incremental run
            let runs = try await runChanged(app)
            // check: one household judged, its income and housing leads filed; a second run finds nothing
            #expect(runs.map(\.households) == [1])
            let kinds = try await LeadSource.query(on: app.db).join(parent: \.$lead).filter(
                RiskLead.self, \.$household.$id == id
            )
            .all().compactMap(\.ruleKind)
            #expect(kinds.contains(ScreeningRuleKind.incomeBelowLine.rawValue))
            #expect(kinds.contains(ScreeningRuleKind.unsafeHousing.rawValue))
            #expect(try await runChanged(app).isEmpty)
        }
    }

    @Test("a full screening sees a change made just before it, without an incremental run")
    func fullScreeningRefreshesFirst() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let household = try #require(try await Household.query(on: app.db).sort(\.$householdNumber).first())
            let id = try household.requireID()
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == id)
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet = 100
            try await income.save(on: app.db)
            let scope = AccessScope(root: try #require(AreaCode(household.villageCode)))
            // act
            let run = try await ScreeningService.run(
                scope: scope, dryRun: true, triggeredBy: "test", at: testNow,
                calendar: app.workingDayCalendar, on: app.db)
            // check
            let counts = try JSONDecoder().decode([String: [String: Int]].self, from: Data(run.summaryJSON.utf8))
            #expect((counts[household.villageCode]?[ScreeningRuleKind.incomeBelowLine.rawValue] ?? 0) >= 1)
            #expect(
                run.households
                    == (try await Household.query(on: app.db).filter(\.$villageCode == household.villageCode).count()))
        }
    }

    @Test("a full screening of every county leaves nothing for the incremental run, so the change log is pruned")
    func fullRunMovesTheIncrementalMark() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: one household's income changes
            let household = try #require(try await Household.query(on: app.db).sort(\.$householdNumber).first())
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == household.requireID())
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet = 100
            try await income.save(on: app.db)
            // act
            let runs = try await ScreeningService.runEverywhere(
                triggeredBy: "test", at: testNow, calendar: app.workingDayCalendar, on: app.db)
            // check
            #expect(runs.map(\.status) == ["finished"])
            #expect(try await runChanged(app).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            struct Count: Decodable { let count: Int }
            #expect(
                try await sql.raw("SELECT COUNT(*) AS count FROM screening_changes").first(decoding: Count.self)?.count
                    == 0)
        }
    }

    /// Every stored column of the facts, to compare a refresh with a rebuild.
    private struct StoredFacts: Decodable, Equatable {
        let household_id: UUID
        let household_number: String
        let village_code: String
        let group_code: String?
        let grid_code: String?
        let member_count: Int
        let income_year: Int
        let per_capita_last: Int64?
        let per_capita_previous: Int64?
        let net_income_last: Int64?
        let net_income_previous: Int64?
        let rigid_last: Int64?
        let rigid_previous: Int64?
        let higher_education: Int
        let housing_grade: String?
        let water_secured: Bool?
    }

    private func storedFacts(_ sql: any SQLDatabase) async throws -> [StoredFacts] {
        try await sql.select().columns(ScreeningFactsRow.storedColumns.map { SQLColumn($0) }).from(
            ScreeningFactsRow.schema
        )
        .orderBy("household_id").all(decoding: StoredFacts.self)
    }

    @Test(
        "after a household moves village, another's income changes and a third is logged unchanged, the refreshed facts equal a rebuild"
    )
    func refreshEqualsRebuild() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let sql = try #require(app.db as? any SQLDatabase)
            let households = try await Household.query(on: app.db).sort(\.$householdNumber).all()
            let mover = households[0], earner = households[1], untouched = households[2]
            let destination = try #require(households.first { $0.villageCode != mover.villageCode }?.villageCode)
            // act
            mover.villageCode = destination
            mover.householdNumber += "X"
            try await mover.save(on: app.db)
            let income = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == earner.requireID())
                    .filter(\.$periodStart == "2025-01-01").first())
            income.perCapitaNet = 100
            try await income.save(on: app.db)
            try await sql.raw("INSERT INTO screening_changes (household_id) VALUES (\(bind: untouched.requireID()))")
                .run()
            try await ScreeningFactsStore.refresh(incomeYear: 2025, on: app.db)
            let refreshed = try await storedFacts(sql)
            // another income year on the cursor makes the next refresh rebuild every row
            try await sql.raw(
                "UPDATE screening_cursors SET income_year = 1999 WHERE name = \(bind: ScreeningFactsStore.factsCursor)"
            ).run()
            try await ScreeningFactsStore.refresh(incomeYear: 2025, on: app.db)
            let rebuilt = try await storedFacts(sql)
            // check
            #expect(refreshed == rebuilt)
            let moved = try #require(refreshed.first { $0.household_id == mover.id })
            #expect(moved.village_code == destination)
            #expect(moved.household_number == mover.householdNumber)
            #expect(refreshed.first { $0.household_id == earner.id }?.per_capita_last == 100)
        }
    }
}
