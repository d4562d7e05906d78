@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import NIOCore
import Testing
import Vapor

@Suite("Department files: matching and storing")
struct DepartmentStoreTests {
    private struct Count: Decodable {
        let count: Int
    }

    private func event(_ member: Member, yuan: Int64) throws -> DepartmentEvent {
        DepartmentEvent(
            kind: .medicalSelfPay, idNumber: member.idNumber, memberName: member.name,
            eventDate: try #require(CivilDate("2026-11-01")), amount: Money(fen: yuan * 100), note: "住院")
    }

    /// The people of a file: a member of one household, a member of the same household who has departed, and a member
    /// in another village; the file's sender is the medical-insurance account narrowed to the first one's village.
    private struct People {
        let inside: Member
        let departed: Member
        let outside: Member
        let sender: (CurrentUser, AuditLog.Actor)
    }

    private func people(_ app: Application) async throws -> People {
        let members = try await Member.query(on: app.db).with(\.$household).sort(\.$idNumber).all()
        let byHousehold = Dictionary(grouping: members) { $0.$household.id }
        let pair = try #require(byHousehold.values.first { $0.count >= 2 })
        let village = pair[0].household.villageCode
        let outside = try #require(members.first { $0.household.villageCode != village })
        pair[1].departedOn = "2026-06-01"
        try await pair[1].save(on: app.db)
        return People(inside: pair[0], departed: pair[1], outside: outside, sender: try await sender(in: village, app))
    }

    /// The medical-insurance account, narrowed to `village` for the test.
    private func sender(in village: String, _ app: Application) async throws -> (CurrentUser, AuditLog.Actor) {
        let account = try await app.user("dept")
        account.areaCode = village
        try await account.save(on: app.db)
        return (try account.current(csrfToken: nil), AuditLog.Actor(id: account.id, name: account.username))
    }

    private func ingest(
        _ events: [DepartmentEvent], as sender: (CurrentUser, AuditLog.Actor), _ app: Application
    ) async throws -> DepartmentBatch {
        try await DepartmentIngest.ingest(
            kind: .medicalSelfPay, parsed: .success(events), source: "api", fileName: "test.csv", sha256: "test",
            user: sender.0, actor: sender.1, at: testNow, calendar: app.workingDayCalendar, on: app.db
        ).batch
    }

    private func count(_ query: SQLQueryString, _ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try #require(try await sql.raw(query).first(decoding: Count.self)).count
    }

    @Test(
        "a file is matched inside the sender's area only; rows repeated in the file or stored before are counted, not stored again; rows matching nobody are only reported"
    )
    func matchingInsideTheArea() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: a member of the sender's village, a departed one, a member of another village
            let people = try await people(app)
            let (inside, departed, outside, sender) = (people.inside, people.departed, people.outside, people.sender)
            let earlier = try await ingest([try event(inside, yuan: 900)], as: sender, app)
            let eventsBefore = try await DepartmentEventRecord.query(on: app.db).count()
            // act: rows 2–6 of a file
            let batch = try await ingest(
                [
                    try event(inside, yuan: 900), try event(inside, yuan: 1_200), try event(outside, yuan: 800),
                    try event(departed, yuan: 700), try event(inside, yuan: 1_200),
                ], as: sender, app)
            // check
            #expect(earlier.newEvents == 1)
            #expect(batch.status == "accepted" && batch.rowCount == 5)
            #expect(batch.newEvents == 1 && batch.repeatedEvents == 2)
            #expect(batch.matched == 3 && batch.unmatched == 2)
            let unmatched = try JSONDecoder().decode(
                [DepartmentIngest.Unmatched].self, from: Data(batch.unmatchedJSON.utf8))
            #expect(unmatched.map(\.row) == [4, 5])
            #expect(unmatched.map(\.idNumber) == [outside.idNumber, departed.idNumber])
            let stored = try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == batch.requireID())
                .all()
            #expect(stored.count == 1)
            #expect(try await DepartmentEventRecord.query(on: app.db).count() == eventsBefore + 1)
            let matched = try #require(stored.first { $0.idNumber == inside.idNumber })
            #expect(
                matched.memberID == inside.id && matched.householdID == inside.$household.id
                    && matched.amount == 120_000)
            let audit = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$entityID == batch.requireID().uuidString).first())
            #expect(audit.actorName == "dept" && audit.summary.contains("新增 1 条，重复 2 条，未匹配 2 条"))
        }
    }

    @Test(
        "stored events reference only members, households and batches that exist, and the connection checks references again afterwards"
    )
    func referencesHold() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let people = try await people(app)
            // act
            _ = try await ingest(
                [
                    try event(people.inside, yuan: 500), try event(people.outside, yuan: 600),
                    try event(people.departed, yuan: 700),
                ],
                as: people.sender, app)
            // check: no event names a member, household or batch that is not there
            #expect(
                try await count(
                    """
                    SELECT COUNT(*) AS count FROM department_events e
                    LEFT JOIN members m ON m.id = e.member_id LEFT JOIN households h ON h.id = e.household_id
                    LEFT JOIN department_batches b ON b.id = e.batch_id
                    WHERE (e.member_id IS NOT NULL AND m.id IS NULL) OR (e.household_id IS NOT NULL AND h.id IS NULL) OR b.id IS NULL
                       OR (e.member_id IS NOT NULL AND m.household_id <> e.household_id)
                    """, app) == 0)
            let sql = try #require(app.db as? any SQLDatabase)
            if sql.engine == .sqlite {
                #expect(try await sql.raw("PRAGMA foreign_key_check").all().isEmpty)
            }
            // check: after a store without per-row checks, failed or not, the same connection refuses a dangling event
            try await app.db.withBulkConnection { connection in
                struct Failure: Error {}
                await #expect(throws: Failure.self) {
                    try await connection.withoutForeignKeyChecks { throw Failure() }
                }
                let sql = try #require(connection as? any SQLDatabase)
                await #expect(throws: (any Error).self) {
                    try await sql.raw(
                        """
                        INSERT INTO department_events (id, batch_id, kind, id_number, person_name, event_date, note, member_id, household_id, fingerprint)
                        VALUES (\(bind: UUID()), \(bind: UUID()), 'medicalSelfPay', \(bind: people.inside.idNumber), 'x', '2026-11-01', '', \(bind: UUID()), \(bind: UUID()), 'dangling')
                        """
                    ).run()
                }
            }
        }
    }

    @Test("a store that fails part way leaves no batch and no event, and the next file is stored")
    func failedStoreLeavesNothing() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let member = try #require(try await Member.query(on: app.db).sort(\.$idNumber).first())
            let user = try (try await app.user("dept")).current(csrfToken: nil)
            let eventsBefore = try await DepartmentEventRecord.query(on: app.db).count()
            let batch = DepartmentBatch()
            batch.id = UUID()
            batch.department = "medicalInsurance"; batch.kind = "medicalSelfPay"; batch.source = "api";
            batch.fileName = "x"
            batch.fileSHA256 = "x"; batch.receivedAt = testNow; batch.username = "dept";
            batch.areaCode = user.areaCode.value
            batch.status = "accepted"; batch.rowCount = 1; batch.newEvents = 0; batch.repeatedEvents = 0;
            batch.matched = 0
            batch.unmatched = 0; batch.problemsJSON = "[]"; batch.unmatchedJSON = "[]"
            struct Failure: Error {}
            // act
            await #expect(throws: Failure.self) {
                _ = try await DepartmentIngest.store(
                    [try event(member, yuan: 300)], kind: .medicalSelfPay, batch: batch, scope: user.scope,
                    at: testNow, on: app.db, alongside: { _ in throw Failure() })
            }
            let next = try await ingest([try event(member, yuan: 300)], as: (user, .system), app)
            // check
            #expect(try await DepartmentBatch.find(batch.id, on: app.db) == nil)
            #expect(next.newEvents == 1)
            #expect(try await DepartmentEventRecord.query(on: app.db).count() == eventsBefore + 1)
        }
    }

    private func eventIndexNames(_ app: Application) async throws -> Set<String> {
        let sql = try #require(app.db as? any SQLDatabase)
        struct Name: Decodable { let name: String }
        let query: SQLQueryString =
            sql.engine == .postgresql
            ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'department_events' AND schemaname = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'department_events'"
        return Set(try await sql.raw(query).all(decoding: Name.self).map(\.name))
    }

    @Test(
        "department events keep only the primary key, the fingerprint's unique key and the index on kind then household"
    )
    func eventIndexes() async throws {
        try await withDemoApp(households: 1) { app in
            // act
            let names = try await eventIndexNames(app)
            // check
            #expect(names.contains("department_events_kind_household"))
            #expect(!names.contains("department_events_household") && !names.contains("department_events_id_number"))
            #expect(names.count == 3)
        }
    }

    @Test("dropping the household index on stored events keeps every event and the screening's reads of them")
    func householdIndexMigrationOnStoredEvents() async throws {
        try await withDemoApp(households: 20) { app in
            // setup: events stored under the earlier schema, with its index on household
            let migration = DropDepartmentEventsHouseholdIndex()
            try await migration.revert(on: app.db)
            #expect(try await eventIndexNames(app).contains("department_events_household"))
            let people = try await people(app)
            let stored = try await ingest(
                [try event(people.inside, yuan: 7_000), try event(people.outside, yuan: 100)], as: people.sender, app)
            let events = try await DepartmentEventRecord.query(on: app.db).count()
            // act
            try await migration.prepare(on: app.db)
            // check
            #expect(stored.newEvents == 1)
            #expect(try await !eventIndexNames(app).contains("department_events_household"))
            #expect(try await DepartmentEventRecord.query(on: app.db).count() == events)
            let resent = try await ingest([try event(people.inside, yuan: 7_000)], as: people.sender, app)
            #expect(resent.newEvents == 0 && resent.repeatedEvents == 1)
        }
    }

    @Test(
        "a file sent again after its person moved household stores nothing and logs no change; a new row is stored under the new household"
    )
    func resendAfterMoveStoresNothing() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: an event stored, then its person moved to another household
            let members = try await Member.query(on: app.db).sort(\.$idNumber).all().filter { $0.departedOn == nil }
            let person = try #require(members.first)
            let other = try #require(members.first { $0.$household.id != person.$household.id }).$household.id
            let sender = (try (try await app.user("dept")).current(csrfToken: nil), AuditLog.Actor.system)
            let first = try await ingest([try event(person, yuan: 900)], as: sender, app)
            person.$household.id = other
            try await person.save(on: app.db)
            let events = try await DepartmentEventRecord.query(on: app.db).count()
            let changes = try await count("SELECT COUNT(*) AS count FROM screening_changes", app)
            // act
            let resent = try await ingest([try event(person, yuan: 900)], as: sender, app)
            let changesAfterResend = try await count("SELECT COUNT(*) AS count FROM screening_changes", app)
            let next = try await ingest([try event(person, yuan: 950)], as: sender, app)
            // check
            #expect(first.newEvents == 1)
            #expect(resent.newEvents == 0 && resent.repeatedEvents == 1 && resent.matched == 1)
            #expect(next.newEvents == 1)
            #expect(try await DepartmentEventRecord.query(on: app.db).count() == events + 1)
            let stored = try #require(
                try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == next.requireID()).first())
            #expect(stored.householdID == other)
            #expect(changesAfterResend == changes)
            #expect(
                try await count(
                    """
                    SELECT COUNT(*) AS count FROM department_events e WHERE e.id_number = \(bind: person.idNumber)
                    """, app) == 2)
        }
    }

    @Test("notes with tabs, line breaks and backslashes are stored as sent")
    func awkwardTextStoredIntact() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let people = try await people(app)
            var row = try event(people.inside, yuan: 300)
            row.note = "住院\t第一次\n出院 C:\\病历\\N \\N"
            // act
            let batch = try await ingest([row], as: people.sender, app)
            // check
            let stored = try #require(
                try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == batch.requireID()).first())
            #expect(stored.note == row.note)
            #expect(try copyText(row.note) == "住院\\t第一次\\n出院 C:\\\\病历\\\\N \\\\N")
            #expect(try copyText(String?.none) == "\\N")
        }
    }

    /// A value as COPY's text format writes it.
    private func copyText(_ value: any Encodable & Sendable) throws -> String {
        var buffer = ByteBuffer()
        try BulkInsert.writeCopyValue(value, into: &buffer)
        return String(buffer: buffer)
    }

    @Test(
        "a bulk connection checkpoints at commit again after a store without it, failed or not",
        .enabled(if: TestDatabase.postgresURL == nil, "SQLite's write-ahead log setting")
    )
    func checkpointAtCommitRestored() async throws {
        try await withDemoApp(households: 1) { app in
            struct Setting: Decodable, Sendable { let wal_autocheckpoint: Int }
            struct Failure: Error {}
            try await app.db.withBulkConnection { connection in
                let sql = try #require(connection as? any SQLDatabase)
                try #require(sql.engine == .sqlite)
                let setting: @Sendable () async throws -> Int? = {
                    try await sql.raw("PRAGMA wal_autocheckpoint").first(decoding: Setting.self)?.wal_autocheckpoint
                }
                // act
                let during = try await connection.withoutCheckpointAtCommit { try await setting() }
                await #expect(throws: Failure.self) {
                    try await connection.withoutCheckpointAtCommit { throw Failure() }
                }
                // check
                #expect(during == 0)
                #expect(try await setting() == 1_000)
            }
        }
    }

    @Test("on PostgreSQL a store without checkpoints runs its work as it is: the value comes back, a failure is thrown")
    func withoutCheckpointPassesThrough() async throws {
        try await withDemoApp(households: 1) { app in
            struct Failure: Error {}
            try await app.db.withBulkConnection { connection in
                // act
                let value = try await connection.withoutCheckpointAtCommit { 42 }
                // check
                #expect(value == 42)
                await #expect(throws: Failure.self) {
                    try await connection.withoutCheckpointAtCommit { throw Failure() }
                }
            }
        }
    }

    @Test("identifiers made for a batch of rows increase as text and as bytes, in the UUID version 7 layout")
    func timeOrderedIdentifiers() {
        // act
        let ids = UUID.timeOrdered(count: 1_000, at: testNow)
        let later = UUID.timeOrdered(count: 1, at: testNow.addingTimeInterval(0.002))
        // check
        #expect(Set(ids).count == ids.count)
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(later[0].uuidString > ids[ids.count - 1].uuidString)
        for id in ids.prefix(10) {
            let text = id.uuidString
            #expect(Array(text)[14] == "7")
            #expect(["8", "9", "A", "B"].contains(Array(text)[19]))
        }
        let milliseconds = UInt64(testNow.timeIntervalSince1970 * 1_000)
        #expect(
            ids[0].uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
                == String(milliseconds, radix: 16, uppercase: true).leftPadded(to: 12))
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
