@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Data-quality report: the registry checked a batch at a time")
struct DataQualityReportTests {
    static let today = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(daysSinceEpoch: 0)

    @Test("in batches of any size it finds what the checks find over the whole registry at once, a number in two households too")
    func batchesFindWhatTheWholeCheckFinds() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: one person registered in two households
            let members = try await Member.query(on: app.db).filter(\.$departedOn == nil).all()
            let first = try #require(members.first)
            let second = try #require(members.first { $0.$household.id != first.$household.id })
            second.idNumber = first.idNumber
            try await second.save(on: app.db)
            let households = try await Household.query(on: app.db).sort(\.$householdNumber).all()
            let present = try await Member.query(on: app.db).filter(\.$departedOn == nil).all()
            let snapshots = households.compactMap { household -> HouseholdSnapshot? in
                guard let fields = household.registryFields else { return nil }
                let records = present.filter { $0.$household.id == household.id }.sorted { $0.birthDate < $1.birthDate }.compactMap(\.registryRecord)
                return HouseholdSnapshot(fields: fields, recordedMemberCount: household.memberCount, members: records)
            }
            let whole = DataQualityCheck.findings(in: snapshots, today: Self.today)
            let expected = snapshots.flatMap { snapshot in (whole[snapshot.fields.number] ?? []).map { "\(snapshot.fields.number) \($0.rule) \($0.memberName ?? "") \($0.detail)" } }
            #expect(expected.contains { $0.contains("duplicateIdentityNumber") }, "the repeated number is among the findings")
            let county = AccessScope(root: try #require(AreaCode(try await app.user("county").areaCode)))
            for size in [1, 7, 1_000] {
                // act
                let report = try await DataQualityController.report(in: county, rule: nil, keeping: 10_000, today: Self.today, batchSize: size, on: app.db)
                // check
                let found = report.findings.map { "\($0.householdNumber) \($0.finding.rule) \($0.finding.memberName ?? "") \($0.finding.detail)" }
                #expect(Set(found) == Set(expected), "batches of \(size)")
                #expect(found.map { $0.prefix(while: { $0 != " " }) } == expected.map { $0.prefix(while: { $0 != " " }) }, "household order, batches of \(size)")
                #expect(report.total == expected.count && report.counts.values.reduce(0, +) == expected.count)
            }
            // a rule asked for: its findings only, counted in full even when fewer are kept
            let duplicates = try await DataQualityController.report(in: county, rule: .duplicateIdentityNumber, keeping: 1, today: Self.today, batchSize: 7, on: app.db)
            #expect(duplicates.total == 2 && duplicates.findings.count == 1)
            #expect(duplicates.findings.allSatisfy { $0.finding.rule == .duplicateIdentityNumber })
        }
    }

    @Test("a township's report sees only its households, and a number repeated outside it is not its finding")
    func scoped() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: a number shared by a household inside the township and one outside
            let town = try await app.user("town")
            let inside = try await app.household(inTownship: town.areaCode, inside: true)
            let outside = try await app.household(inTownship: town.areaCode, inside: false)
            let insider = try #require(try await Member.query(on: app.db).filter(\.$household.$id == inside.requireID()).first())
            let outsider = try #require(try await Member.query(on: app.db).filter(\.$household.$id == outside.requireID()).first())
            outsider.idNumber = insider.idNumber
            try await outsider.save(on: app.db)
            let scope = AccessScope(root: try #require(AreaCode(town.areaCode)))
            // act
            let report = try await DataQualityController.report(in: scope, rule: nil, keeping: 10_000, today: Self.today, on: app.db)
            // check
            let prefix = String(town.areaCode.prefix(9))
            let numbers = try await Household.query(on: app.db).all().filter { $0.villageCode.hasPrefix(prefix) }.map(\.householdNumber)
            #expect(report.findings.allSatisfy { numbers.contains($0.householdNumber) })
            #expect(report.counts[.duplicateIdentityNumber] == nil)
        }
    }
}
