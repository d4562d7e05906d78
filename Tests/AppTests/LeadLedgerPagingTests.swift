@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Lead ledger paging")
struct LeadLedgerPagingTests {
    private struct LeadPage: Decodable {
        struct Item: Decodable { let id: UUID; let urgency: String? }
        let items: [Item]
        let total: Int
    }

    private func page(_ app: Application, token: String, _ query: String) async throws -> LeadPage {
        var result: LeadPage?
        try await app.testing().test(.GET, "api/v1/leads?\(query)", headers: app.bearer(token)) { response in
            #expect(response.status == .ok, "\(response.body.string.prefix(200))")
            result = try? response.content.decode(LeadPage.self)
        }
        return try #require(result)
    }

    @Test("pages cover every lead exactly once, and the urgency filter counts and pages against now")
    func pagesAndUrgency() async throws {
        try await withDemoApp(households: 60) { app in
            // setup: the demo's first screening filed leads; three days on, the village steps are overdue
            let token = try await app.apiToken("county")
            let all = try await RiskLead.query(on: app.db).count()
            #expect(all > 5, "the demo files leads")
            // act: page through in fives
            var seen: [UUID] = []
            var offset = 0
            while true {
                let current = try await page(app, token: token, "limit=5&offset=\(offset)")
                #expect(current.total == all)
                seen += current.items.map(\.id)
                if current.items.count < 5 { break }
                offset += 5
            }
            // check
            #expect(seen.count == all)
            #expect(Set(seen).count == all)
            app.clock = .fixed(testNow.addingTimeInterval(3 * 24 * 3600))
            let later = try await app.apiToken("county")
            let overdue = try await page(app, token: later, "urgency=overdue&limit=3")
            let open = try await RiskLead.query(on: app.db).filter(\.$state ~~ LeadIntake.openStates).all()
            let expected = open.filter { LeadController.urgency(of: $0, now: app.clock.now()) == .overdue }.count
            #expect(overdue.total == expected)
            #expect(overdue.items.count == min(3, expected))
            #expect(overdue.items.allSatisfy { $0.urgency == LeadUrgency.overdue.rawValue })
        }
    }
}
