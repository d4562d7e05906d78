@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Which database the app tests run on: SQLite by default, PostgreSQL when `SHOUWANG_TEST_DATABASE_URL` is set.
/// Each test gets a database of its own (a temporary SQLite file, or a PostgreSQL schema dropped afterwards),
/// so tests run in parallel without seeing each other.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SHOUWANG_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A streaming replica of `postgresURL` (`scripts/pg_replica.sh`), for the tests of reading from a replica.
    static var readReplicaURL: String? {
        ProcessInfo.processInfo.environment["SHOUWANG_TEST_READ_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func settings(readReplica: Bool = false) -> (AppSettings, String) {
        let token = UUID().uuidString.prefix(8).lowercased()
        let directory = NSTemporaryDirectory() + "shouwang-test-\(token)"
        if let url = postgresURL {
            let schema = "test_\(token)"
            let readURL = readReplica ? readReplicaURL : nil
            return (
                AppSettings(
                    storage: .postgres(url: url, readURL: readURL, searchPath: [schema]), dataDirectory: directory,
                    secureCookies: true, bcryptCost: 4), schema
            )
        }
        return (
            AppSettings(
                storage: .sqlite(path: directory + "/shouwang.sqlite"), dataDirectory: directory, secureCookies: true,
                bcryptCost: 4), directory
        )
    }
}

/// The fixed "now" of the tests: 2026-11-22 10:00 Beijing time.
let testNow = ChinaTime.instant(CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(daysSinceEpoch: 0), hour: 10)

/// Runs `test` against a fresh application holding a small demo county (雁江区, 300 households, all demo accounts).
/// With `readReplica`, reports read from the replica named by `SHOUWANG_TEST_READ_DATABASE_URL`.
func withDemoApp(
    households: Int = 300, readReplica: Bool = false, _ test: (Application) async throws -> Void
) async throws {
    let limited = TestDatabase.postgresURL != nil
    if limited { await TestAppSlots.shared.acquire() }
    do {
        try await runDemoApp(households: households, readReplica: readReplica, test)
    } catch {
        if limited { await TestAppSlots.shared.release() }
        throw error
    }
    if limited { await TestAppSlots.shared.release() }
}

/// At most this many test apps at once on PostgreSQL: Swift Testing starts every test together, each app holds its
/// own pool of connections, and the throwaway clusters allow 200 (a full run otherwise fails with "remaining
/// connection slots are reserved").
actor TestAppSlots {
    static let shared = TestAppSlots(limit: 40)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

private func runDemoApp(households: Int, readReplica: Bool, _ test: (Application) async throws -> Void) async throws {
    let (settings, place) = TestDatabase.settings(readReplica: readReplica)
    let app = try await Application.make(.testing)
    app.clock = .fixed(testNow)
    app.directory = DirectoryConfiguration(workingDirectory: packageRoot())
    do {
        try await configure(app, settings: settings)
        var options = DemoBuilder.Options()
        options.households = households
        _ = try await DemoBuilder.build(options, app: app)
        try await test(app)
    } catch {
        try? await tearDown(app, settings: settings, place: place)
        throw error
    }
    try await tearDown(app, settings: settings, place: place)
}

/// Drops the test's schema or file and always shuts the application down, even when the drop fails (a test whose
/// setup could not reach the database): an application released without shutting down stops the whole test process.
private func tearDown(_ app: Application, settings: AppSettings, place: String) async throws {
    var dropFailure: (any Error)?
    if case .postgres = settings.storage, let sql = app.db as? any SQLDatabase {
        do { try await sql.raw("DROP SCHEMA IF EXISTS \(ident: place) CASCADE").run() } catch { dropFailure = error }
    }
    try await app.asyncShutdown()
    if case .sqlite = settings.storage { try? FileManager.default.removeItem(atPath: place) }
    if let dropFailure { throw dropFailure }
}

/// The repository root, where `Public/` and `Resources/` live.
func packageRoot() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/"
}
