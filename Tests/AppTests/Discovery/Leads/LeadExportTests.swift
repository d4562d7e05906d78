@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Lead exports: every lead of the scope, streamed")
struct LeadExportTests {
    private func download(
        _ app: Application, _ path: String, as session: BrowserSession, format: SpreadsheetFormat
    ) async throws -> [[String]] {
        var rows: [[String]] = []
        try await app.testing().test(
            .GET, "\(path)?format=\(format == .csv ? "csv" : "xlsx")", headers: session.headers
        ) { response in
            #expect(response.status == .ok)
            rows = try SpreadsheetReader.rows(from: Data(response.body.readableBytesView), format: format)
        }
        return rows
    }

    @Test("the ledger file holds every lead of the scope once, newest first, in CSV and xlsx")
    func ledgerFile() async throws {
        try await withDemoApp { app in
            // setup
            let county = try await app.signIn("county")
            let leads = try await RiskLead.query(on: app.db).with(\.$household).all()
                .sorted { ($0.receivedAt, $1.id?.uuidString ?? "") > ($1.receivedAt, $0.id?.uuidString ?? "") }
            #expect(leads.count > 10, "the demo has leads to export")
            for format in [SpreadsheetFormat.csv, .xlsx] {
                // act
                let rows = try await download(app, "leads/export", as: county, format: format)
                // check
                #expect(rows.first == LeadExportController.header)
                #expect(rows.count == leads.count + 1, "\(format)")
                #expect(
                    rows.dropFirst().map { $0[1] } == leads.map { $0.household.householdNumber },
                    "\(format): every lead once, in the ledger's order")
            }
        }
    }

    @Test("a township's file holds only its own leads")
    func scopedFile() async throws {
        try await withDemoApp { app in
            // setup
            let town = try await app.user("town")
            let session = try await app.signIn("town")
            let township = String(town.areaCode.prefix(9))
            let inside = try await RiskLead.query(on: app.db).all().filter { $0.villageCode.hasPrefix(township) }
            let all = try await RiskLead.query(on: app.db).count()
            #expect(!inside.isEmpty && inside.count < all)
            // act
            let rows = try await download(app, "leads/export", as: session, format: .csv)
            // check
            #expect(rows.count == inside.count + 1)
            #expect(rows.dropFirst().allSatisfy { $0[3].hasPrefix(township) })
        }
    }

    @Test(
        "the warning list's file holds every overdue or due-soon lead, earliest deadline first, and the page counts them all"
    )
    func warningFile() async throws {
        try await withDemoApp { app in
            // setup: a week on, leads filed by the demo's screening are past their village check
            app.clock = .fixed(testNow.addingTimeInterval(7 * 24 * 3600))
            let county = try await app.signIn("county")
            // act
            let rows = try await download(app, "leads/warning", as: county, format: .csv)
            var page = ""
            try await app.testing().test(.GET, "leads/warning", headers: county.headers) { response in
                page = response.body.string
            }
            // check
            let listed = rows.dropFirst()
            #expect(!listed.isEmpty)
            #expect(listed.allSatisfy { $0[9] == LeadUrgency.overdue.label || $0[9] == LeadUrgency.dueSoon.label })
            #expect(listed.map { $0[8] } == listed.map { $0[8] }.sorted(), "earliest deadline first")
            let overdue = listed.count { $0[9] == LeadUrgency.overdue.label }
            #expect(page.contains("已超期 \(overdue) 条"))
        }
    }
}
