@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

extension DepartmentScopeTests {
    @Test(
        "the migration scopes stored fingerprints to their batch's area and drops rows that matched nobody, logging no change"
    )
    func migrationScopesStoredRows() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: a stored record with the former, global fingerprint, and a former row that matched nobody
            let setting = try await setting(app)
            let stored = try await ingest([try event(setting.member)], as: setting.second, app)
            let migration = ScopeDepartmentFingerprints()
            try await migration.revert(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                """
                INSERT INTO department_events (id, batch_id, kind, id_number, person_name, event_date, note, fingerprint)
                VALUES (\(bind: UUID()), \(bind: stored.requireID()), 'medicalSelfPay', '110101199003070000', '某人', '2026-11-01', '', 'unmatched-legacy')
                """
            ).run()
            let changes = try await count("SELECT COUNT(*) AS count FROM screening_changes", app)
            // act
            try await migration.prepare(on: app.db)
            // check
            #expect(
                try await count(
                    "SELECT COUNT(*) AS count FROM department_events WHERE member_id IS NULL AND household_id IS NULL",
                    app) == 0)
            let record = try #require(
                try await DepartmentEventRecord.query(on: app.db).filter(\.$batch.$id == stored.requireID()).first())
            #expect(
                record.fingerprint
                    == DepartmentIngest.fingerprint(try event(setting.member), receivedIn: stored.areaCode))
            #expect(try await count("SELECT COUNT(*) AS count FROM screening_changes", app) == changes)
            let resent = try await ingest([try event(setting.member)], as: setting.second, app)
            #expect(resent.newEvents == 0 && resent.repeatedEvents == 1)
        }
    }
}
