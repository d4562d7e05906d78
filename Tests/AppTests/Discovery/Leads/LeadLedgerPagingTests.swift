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
            let policies = try await LeadPolicies.table(on: app.db)
            let expected = open.filter {
                LeadPolicies.urgency(of: $0, now: app.clock.now(), table: policies) == .overdue
            }.count
            #expect(overdue.total == expected)
            #expect(overdue.items.count == min(3, expected))
            #expect(overdue.items.allSatisfy { $0.urgency == LeadUrgency.overdue.rawValue })
        }
    }

    @Test("a grid worker's ledger holds the leads of the grid's households and no other")
    func gridScope() async throws {
        try await withDemoApp(households: 120) { app in
            // setup: a lead on a household of the grid worker's grid, beside the demo's other leads
            let grid = try await app.user("grid")
            let inside = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let county = try await app.signIn("county")
            try await app.postForm(
                "households/\(try inside.requireID())/leads", as: county,
                [
                    "channel": LeadChannel.hotline.rawValue, "risk": RiskType.illness.rawValue,
                    "description": "电话反映住院", "reporter": "邻居",
                ]
            ) { response in
                #expect(response.status == .seeOther)
            }
            let expected = try await RiskLead.query(on: app.db).join(parent: \.$household)
                .filter(Household.self, \.$gridCode == grid.areaCode).all().compactMap(\.id)
            #expect(!expected.isEmpty)
            #expect(try await RiskLead.query(on: app.db).count() > expected.count, "leads outside the grid exist too")
            // act
            let token = try await app.apiToken("grid")
            let listed = try await page(app, token: token, "limit=500")
            // check
            #expect(listed.total == expected.count)
            #expect(Set(listed.items.map(\.id)) == Set(expected))
        }
    }
}
