@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Reports read from a PostgreSQL streaming replica when one is configured; writes stay on the primary. Runs when
/// `SHOUWANG_TEST_READ_DATABASE_URL` names a replica of `SHOUWANG_TEST_DATABASE_URL` (`scripts/pg_replica.sh`).
@Suite("Read replica", .enabled(if: TestDatabase.postgresURL != nil && TestDatabase.readReplicaURL != nil))
struct ReadReplicaTests {
    private struct CountRow: Decodable { let count: Int }
    private struct RecoveryRow: Decodable { let recovering: Bool }

    private func households(on database: any Database) async throws -> Int {
        let sql = try #require(database as? any SQLDatabase)
        return try await sql.raw("SELECT COUNT(*) AS count FROM households").first(decoding: CountRow.self)?.count ?? -1
    }

    /// Waits until the replica has replayed what the primary holds (streaming is asynchronous).
    private func waitForReplica(_ app: Application) async throws {
        let expected = try await households(on: app.db)
        for _ in 0..<300 {
            if (try? await households(on: app.db(.readReplica))) == expected { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the replica did not catch up within 30 s")
    }

    @Test("the home page and statistics read from the replica, and a write made meanwhile goes to the primary")
    func reportsReadFromTheReplica() async throws {
        try await withDemoApp(households: 40, readReplica: true) { app in
            // setup
            try await waitForReplica(app)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let reports = try #require(request.reportDB as? any SQLDatabase)
            let primary = try #require(request.db as? any SQLDatabase)
            let query: SQLQueryString = "SELECT pg_is_in_recovery() AS recovering"
            #expect(
                try await reports.raw(query).first(decoding: RecoveryRow.self)?.recovering == true,
                "reports read from the standby")
            #expect(
                try await primary.raw(query).first(decoding: RecoveryRow.self)?.recovering == false,
                "everything else uses the primary")
            let county = try await app.signIn("county")
            // act
            try await app.testing().test(.GET, "", headers: county.headers) { response in
                // check: the county's totals, counted on the replica
                #expect(response.status == .ok)
                #expect(
                    response.body.string.contains(#"<div class="stat-value">40</div><div class="stat-label">农户</div>"#))
            }
            let token = try await app.apiToken("county")
            try await app.testing().test(.GET, "api/v1/areas/512002000000", headers: app.bearer(token)) { response in
                #expect(response.status == .ok, "\(response.body.string.prefix(200))")
                let detail = try response.content.decode(API.AreaDetail.self)
                #expect(detail.area.households == 40)
                #expect(detail.children.compactMap(\.households).reduce(0, +) == 40)
            }
            // a write through the app lands on the primary, never the read-only replica
            let household = try #require(try await Household.query(on: app.db).first())
            household.phone = "13800000000"
            try await household.save(on: app.db)
            #expect(try await Household.query(on: app.db(.readReplica)).count() == 40)
        }
    }
}
