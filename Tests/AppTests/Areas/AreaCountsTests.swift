@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Area counts: an area and its children counted in one pass")
struct AreaCountsTests {
    @Test("at every level the totals match the households counted one by one, and the children add up to them")
    func totalsMatchTheRegistry() async throws {
        try await withDemoApp(households: 120) { app in
            // setup: a province-wide account, so every level of the demo county is inside its scope
            let scope = AccessScope(root: try #require(AreaCode("510000000000")))
            let all = try await Household.query(on: app.db).all()
            let sample = try #require(all.first { $0.groupCode != nil })
            let village = try #require(AreaCode(sample.villageCode))
            let township = try #require(village.parent)
            let county = try #require(township.parent)
            for (area, level) in [
                (scope.root, AreaLevel.province), (county, .county), (township, .township), (village, .village),
            ] {
                // act
                let counts = try await AreaDirectory.counts(of: area, level: level, scope: scope, on: app.db)
                // check
                let inside = all.filter { household in
                    AreaCode(household.villageCode).map(scope.narrowed(to: area).includes) ?? false
                }
                #expect(counts.totals.households == inside.count, "\(level)")
                #expect(counts.totals.people == inside.map(\.memberCount).reduce(0, +), "\(level)")
                #expect(
                    counts.totals.monitored
                        == inside.filter { $0.monitoringStatus == HouseholdMonitoringStatus.monitored.rawValue }.count,
                    "\(level)")
                #expect(
                    counts.totals.alleviated
                        == inside.filter { $0.householdType == HouseholdType.povertyAlleviated.rawValue }.count,
                    "\(level)")
                if level != .village {
                    #expect(counts.children.values.reduce(HouseholdCounts(), +) == counts.totals, "\(level)")
                } else {
                    let grouped = inside.filter { $0.groupCode != nil }.count
                    let groups = counts.children.filter { AreaCode($0.key)?.level == .group }
                    #expect(groups.values.map(\.households).reduce(0, +) == grouped)
                }
            }
            #expect(
                all.contains { $0.monitoringStatus == HouseholdMonitoringStatus.monitored.rawValue },
                "the demo has monitored households to count")
        }
    }

    @Test("a county account counting its province sees only its county")
    func countsStayInsideTheScope() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let county = try await app.user("county").current(csrfToken: nil)
            // act
            let counts = try await AreaDirectory.counts(
                of: county.scope.root, level: .county, scope: county.scope, on: app.db)
            // check
            #expect(counts.totals.households == 60)
            #expect(counts.children.values.map(\.households).reduce(0, +) == 60)
        }
    }
}
