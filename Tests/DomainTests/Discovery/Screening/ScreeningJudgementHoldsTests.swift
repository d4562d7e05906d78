import Testing
import DemoData
@testable import Domain

/// A kept judgement stands while `judgementHolds` says so: every day up to it gives the same hits, and a household
/// without hits stays without them as days pass, for random households and rule sets.
@Suite struct ScreeningJudgementHoldsTests {
    typealias Data = ScreeningTestData

    @Test func aRecordHoldsTheJudgementUntilTheDayBeforeItLeavesTheWindow() {
        // setup: a 12-month window; the record of 2024-07-15 counts through 2025-07-14
        let facts = Data.with(Data.event(.medicalSelfPay, "2024-07-15", amount: "60000"))
        let rules = ScreeningEngine.prepared(ScreeningRuleSet.seeded, for: Data.village, on: Data.today)
        // act
        let holds = ScreeningEngine.judgementHolds(facts, prepared: rules, on: Data.today)
        // check
        #expect(holds == CivilDate(known: 2025, 7, 14))
        #expect(!ScreeningEngine.evaluate(facts, prepared: rules, on: holds).isEmpty)
        #expect(ScreeningEngine.evaluate(facts, prepared: rules, on: holds.adding(days: 1)).isEmpty)
    }

    @Test func withoutRecordsAJudgementHoldsToTheYearsEnd() {
        let rules = ScreeningEngine.prepared(ScreeningRuleSet.seeded, for: Data.village, on: Data.today)
        #expect(
            ScreeningEngine.judgementHolds(Data.quiet(), prepared: rules, on: Data.today)
                == CivilDate(known: 2025, 12, 31))
    }

    @Test func aRecordAtAMonthsEndLeavesWhenTheWindowOpensAfterIt() {
        // 2025-03-31 in a one-month window: on 2025-04-30 the window opens after 03-30, on 05-01 after 04-01
        #expect(
            ScreeningEngine.firstDayWithout(
                CivilDate(known: 2025, 3, 31), months: 1, after: CivilDate(known: 2025, 4, 2))
                == CivilDate(known: 2025, 5, 1))
        #expect(
            ScreeningEngine.firstDayWithout(
                CivilDate(known: 2024, 2, 29), months: 12, after: CivilDate(known: 2024, 3, 1))
                == CivilDate(known: 2025, 3, 1))
    }

    @Test func aRecordDatedLaterEndsTheJudgementTheDayBeforeIt() {
        let facts = Data.with(Data.event(.minimumLiving, "2025-07-10"))
        let rules = ScreeningEngine.prepared(ScreeningRuleSet.seeded, for: Data.village, on: Data.today)
        #expect(ScreeningEngine.judgementHolds(facts, prepared: rules, on: Data.today) == CivilDate(known: 2025, 7, 9))
    }

    @Test func aFrailMemberHoldsTheJudgementUntilTheDayBeforeTheyTurnSixty() {
        let facts = Data.quiet { $0.frailMemberBirthDate = Data.day("1965-08-10") }
        let rules = ScreeningEngine.prepared(ScreeningRuleSet.seeded, for: Data.village, on: Data.today)
        let holds = ScreeningEngine.judgementHolds(facts, prepared: rules, on: Data.today)
        #expect(holds == CivilDate(known: 2025, 8, 9))
        #expect(ScreeningEngine.evaluate(facts, prepared: rules, on: holds).isEmpty)
        #expect(
            ScreeningEngine.evaluate(facts, prepared: rules, on: holds.adding(days: 1)).map(\.kind) == [.frailElderly])
    }

    @Test func aRegistryChangeHoldsTheJudgementUntilItLeavesTheWindow() {
        let facts = Data.quiet {
            $0.labourerLostOn = Data.day("2024-09-01")
            $0.registryDisability = GradeChange(grade: 1, on: Data.day("2024-10-01"))
        }
        let rules = ScreeningEngine.prepared(ScreeningRuleSet.seeded, for: Data.village, on: Data.today)
        #expect(ScreeningEngine.judgementHolds(facts, prepared: rules, on: Data.today) == CivilDate(known: 2025, 8, 31))
    }

    @Test(arguments: 0..<6)
    func everyDayUpToTheLastGivesTheSameHits(seed: UInt64) {
        var random = SeededGenerator(seed: 9_100 + seed)
        let rules = ScreeningBoundsTests.randomRules(&random)
        let line = ScreeningBoundsTests.line
        var held = 0
        for _ in 0..<250 {
            // setup
            let facts = ScreeningBoundsTests.randomFacts(&random)
            let date = Data.today.adding(days: -Int.random(in: 0...150, using: &random))
            let basis = rules.judgementBasis(line: line, on: date)
            let judge = { (day: CivilDate) in
                ScreeningEngine.evaluate(
                    facts,
                    prepared: ScreeningEngine.prepared(
                        rules.inForce(for: facts.villageCode, on: day),
                        for: facts.villageCode, on: day), on: day)
            }
            let prepared = ScreeningEngine.prepared(
                rules.inForce(for: facts.villageCode, on: date), for: facts.villageCode, on: date)
            // act
            let hits = judge(date)
            let holds = ScreeningEngine.judgementHolds(facts, prepared: prepared, on: date)
            // check: while the basis stays, the days up to `holds` judge alike; after it a hit household may change,
            // a household without hits (and without records dated later) never gains one
            let quietForGood = hits.isEmpty && facts.events.allSatisfy { $0.eventDate <= date }
            var day = date.adding(days: 1)
            while day.year == date.year, rules.judgementBasis(line: line, on: day) == basis {
                if day <= holds {
                    #expect(judge(day) == hits, "\(facts) judged on \(date), holds through \(holds), differs on \(day)")
                    held += 1
                } else if quietForGood {
                    #expect(judge(day).isEmpty, "\(facts) without hits on \(date) has some on \(day)")
                } else {
                    break
                }
                day = day.adding(days: 1)
            }
        }
        #expect(held > 1_000)
    }
}
