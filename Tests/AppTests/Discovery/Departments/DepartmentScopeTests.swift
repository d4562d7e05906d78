@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Department records are de-duplicated within the receiving area")
struct DepartmentScopeTests {
    struct Count: Decodable {
        let count: Int
    }

    /// Two medical-insurance accounts, each bound to one township of the demo county, and a member of the second's.
    struct Setting {
        let first: (CurrentUser, AuditLog.Actor)
        let second: (CurrentUser, AuditLog.Actor)
        let member: Member
    }

    func setting(_ app: Application) async throws -> Setting {
        let members = try await Member.query(on: app.db).with(\.$household).filter(\.$departedOn == nil).sort(
            \.$idNumber
        ).all()
        let member = try #require(members.first)
        let township = String(member.household.villageCode.prefix(9)) + "000"
        let other = try #require(members.first { !$0.household.villageCode.hasPrefix(String(township.prefix(9))) })
        let otherTownship = String(other.household.villageCode.prefix(9)) + "000"
        let template = try await app.user("dept")
        var accounts: [(CurrentUser, AuditLog.Actor)] = []
        for (name, area) in [("dept-a", otherTownship), ("dept-b", township)] {
            let user = User(
                username: name, displayName: name, passwordHash: template.passwordHash, role: template.role,
                areaCode: area, department: template.department)
            try await user.create(on: app.db)
            accounts.append((try user.current(csrfToken: nil), AuditLog.Actor(id: user.id, name: name)))
        }
        return Setting(first: accounts[0], second: accounts[1], member: member)
    }

    func event(_ member: Member) throws -> DepartmentEvent {
        DepartmentEvent(
            kind: .medicalSelfPay, idNumber: member.idNumber, memberName: member.name,
            eventDate: try #require(CivilDate("2026-11-01")), amount: Money(fen: 6_500_000), note: "住院")
    }

    func ingest(
        _ events: [DepartmentEvent], as sender: (CurrentUser, AuditLog.Actor), _ app: Application
    ) async throws -> DepartmentBatch {
        try await DepartmentIngest.ingest(
            kind: .medicalSelfPay, parsed: .success(events), source: "api", fileName: "scope.csv", sha256: "scope",
            user: sender.0, actor: sender.1, at: testNow, calendar: app.workingDayCalendar, on: app.db
        ).batch
    }

    func count(_ query: SQLQueryString, _ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try #require(try await sql.raw(query).first(decoding: Count.self)).count
    }

    @Test(
        "another area's department cannot pre-empt a record: the real push is new and stored, the early one matched nobody and stored nothing"
    )
    func otherAreaCannotPreempt() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let setting = try await setting(app)
            // act: township A's account sends a row about a person of township B first, then B's account sends it
            let early = try await ingest([try event(setting.member)], as: setting.first, app)
            let real = try await ingest([try event(setting.member)], as: setting.second, app)
            // check
            #expect(early.newEvents == 0 && early.repeatedEvents == 0 && early.unmatched == 1)
            #expect(
                try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == early.requireID()).count() == 0
            )
            #expect(real.newEvents == 1 && real.repeatedEvents == 0 && real.matched == 1)
            let stored = try #require(
                try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == real.requireID()).first())
            #expect(stored.householdID == setting.member.$household.id)
            #expect(stored.fingerprint.hasPrefix(setting.second.0.areaCode.value + ":"))
        }
    }

    @Test(
        "another area's department cannot learn whether a record was sent: its copy reads as unmatched, never as repeated"
    )
    func otherAreaLearnsNothing() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: B's account sends the record
            let setting = try await setting(app)
            let real = try await ingest([try event(setting.member)], as: setting.second, app)
            // act: A's account sends the same row
            let probe = try await ingest([try event(setting.member)], as: setting.first, app)
            let again = try await ingest([try event(setting.member)], as: setting.second, app)
            // check
            #expect(real.newEvents == 1)
            #expect(probe.newEvents == 0 && probe.repeatedEvents == 0 && probe.matched == 0 && probe.unmatched == 1)
            #expect(again.newEvents == 0 && again.repeatedEvents == 1)
        }
    }
}
