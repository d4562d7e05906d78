@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Data-quality report: the registry checked a batch at a time")
struct DataQualityReportTests {
    static let today = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(daysSinceEpoch: 0)

    @Test(
        "in batches of any size it finds what the checks find over the whole registry at once, a number in two households too"
    )
    func batchesFindWhatTheWholeCheckFinds() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: one person registered in two households
            let members = try await Member.query(on: app.db).filter(\.$departedOn == nil).all()
            let first = try #require(members.first)
            let second = try #require(members.first { $0.$household.id != first.$household.id })
            second.idNumber = first.idNumber
            try await second.save(on: app.db)
            let expected = try await Self.wholeCheck(on: app.db, today: Self.today)
            #expect(
                expected.contains { $0.contains("duplicateIdentityNumber") },
                "the repeated number is among the findings")
            let county = AccessScope(root: try #require(AreaCode(try await app.user("county").areaCode)))
            for size in [1, 7, 1_000] {
                // act
                let report = try await DataQualityService.report(
                    in: county, rule: nil, keeping: 10_000, today: Self.today, batchSize: size, on: app.db)
                // check
                let found = report.findings.map {
                    "\($0.householdNumber) \($0.finding.rule) \($0.finding.memberName ?? "") \($0.finding.detail)"
                }
                #expect(Set(found) == Set(expected), "batches of \(size)")
                #expect(
                    found.map { $0.prefix(while: { $0 != " " }) } == expected.map { $0.prefix(while: { $0 != " " }) },
                    "household order, batches of \(size)")
                #expect(report.total == expected.count && report.counts.values.reduce(0, +) == expected.count)
            }
            // a rule asked for: its findings only, counted in full even when fewer are kept
            let duplicates = try await DataQualityService.report(
                in: county, rule: .duplicateIdentityNumber, keeping: 1, today: Self.today, batchSize: 7, on: app.db)
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
            let insider = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == inside.requireID()).first())
            let outsider = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == outside.requireID()).first())
            outsider.idNumber = insider.idNumber
            try await outsider.save(on: app.db)
            let scope = AccessScope(root: try #require(AreaCode(town.areaCode)))
            // act
            let report = try await DataQualityService.report(
                in: scope, rule: nil, keeping: 10_000, today: Self.today, on: app.db)
            // check
            let prefix = String(town.areaCode.prefix(9))
            let numbers = try await Household.query(on: app.db).all().filter { $0.villageCode.hasPrefix(prefix) }.map(
                \.householdNumber)
            #expect(report.findings.allSatisfy { numbers.contains($0.householdNumber) })
            #expect(report.counts[.duplicateIdentityNumber] == nil)
        }
    }

    /// What the check finds over the whole registry at once, as "number rule member detail" in household order.
    static func wholeCheck(on database: any Database, today: CivilDate) async throws -> [String] {
        let households = try await Household.query(on: database).sort(\.$householdNumber).all()
        let present = try await Member.query(on: database).filter(\.$departedOn == nil).all()
        let snapshots = households.compactMap { household -> HouseholdSnapshot? in
            guard let fields = household.registryFields else { return nil }
            let records = present.filter { $0.$household.id == household.id }.sorted {
                ($0.birthDate, $0.idNumber) < ($1.birthDate, $1.idNumber)
            }.compactMap(\.registryRecord)
            return HouseholdSnapshot(fields: fields, recordedMemberCount: household.memberCount, members: records)
        }
        let whole = DataQualityCheck.findings(in: snapshots, today: today)
        return snapshots.flatMap { snapshot in
            (whole[snapshot.fields.number] ?? []).map {
                "\(snapshot.fields.number) \($0.rule) \($0.memberName ?? "") \($0.detail)"
            }
        }
    }

    /// The report of the whole county, as `wholeCheck` writes findings, with its counts per rule.
    static func countyReport(
        _ app: Application, today: CivilDate, rule: DataQualityRule? = nil
    ) async throws -> (found: [String], report: DataQualityService.Report) {
        let county = AccessScope(root: try #require(AreaCode(try await app.user("county").areaCode)))
        let report = try await DataQualityService.report(
            in: county, rule: rule, keeping: 100_000, today: today, batchSize: 13, on: app.db)
        return (
            report.findings.map {
                "\($0.householdNumber) \($0.finding.rule) \($0.finding.memberName ?? "") \($0.finding.detail)"
            }, report
        )
    }

    @Test("kept findings follow every change: an edit, a new member, a member gone, a birthday")
    func keptFindingsFollowChanges() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: the findings kept once
            let first = try await Self.countyReport(app, today: Self.today)
            #expect(first.found == (try await Self.wholeCheck(on: app.db, today: Self.today)))
            let members = try await Member.query(on: app.db).filter(\.$departedOn == nil).sort(\.$idNumber).all()
            // act: one member loses insurance, one household gets a child of seven with no school status, a member
            // leaves
            let uninsured = try #require(members.first { $0.medicalInsured })
            uninsured.medicalInsured = false
            try await uninsured.save(on: app.db)
            let child = try #require(members.last)
            let birth = Self.today.adding(days: -(7 * 365 + 10))
            var record = try #require(child.registryRecord)
            record.name = "王小明"
            record.idNumber = try IdentityNumber.make(
                region: String(child.idNumber.prefix(6)), birth: birth, sequence: 517
            ).value
            record.birthDate = birth
            record.relation = .son
            record.schoolStatus = nil
            record.labourCapacity = .none
            record.health = [.healthy]
            record.disabilityGrade = nil
            let copy = Member()
            copy.$household.id = child.$household.id
            copy.apply(record)
            try await copy.save(on: app.db)
            members[1].departedOn = Self.today.description
            try await members[1].save(on: app.db)
            // check: only the households changed are checked again, and the report is what the whole check finds now
            let work = try await DataQualityStore.bringCurrent(today: Self.today, on: app.db)
            #expect((1...3).contains(work.named ?? 0) && work.checked == work.named, "\(work)")
            #expect(
                try await DataQualityStore.bringCurrent(today: Self.today, on: app.db) == .init(named: 0, checked: 0))
            let second = try await Self.countyReport(app, today: Self.today)
            #expect(second.found == (try await Self.wholeCheck(on: app.db, today: Self.today)))
            #expect(second.report.counts[.notMedicallyInsured, default: 0] >= 1)
            #expect(second.found != first.found)
            // check: days pass, ages change, and each report is still the whole check's
            for days in [1, 45, 120, 200, 366, 800] {
                let later = Self.today.adding(days: days)
                let report = try await Self.countyReport(app, today: later)
                let whole = try await Self.wholeCheck(on: app.db, today: later)
                #expect(
                    report.found == whole, "\(days) days on: \(Set(report.found).symmetricDifference(whole).sorted())")
                let rule = try await Self.countyReport(app, today: later, rule: .schoolStatusAge)
                #expect(
                    rule.found == report.found.filter { $0.contains(" schoolStatusAge ") }
                        && rule.report.total == rule.found.count)
            }
            // check: a day before the last one checks everyone again and agrees
            let back = Self.today.adding(days: 30)
            #expect(
                try await Self.countyReport(app, today: back).found
                    == (try await Self.wholeCheck(on: app.db, today: back)))
        }
    }
}
