@testable import App
import Testing
import Vapor

@Suite("Routes and links share one list of paths")
struct SiteRouteTests {
    @Test("every registered route is a SiteRoute pattern, and every pattern is registered")
    func routeTableMatchesTheList() async throws {
        try await withDemoApp(households: 1) { app in
            // act
            let registered = Set(app.routes.all.map { $0.path.string })
            let listed = Set(SiteRoute.allCases.map(\.rawValue))
            // check
            #expect(
                registered.subtracting(listed).isEmpty,
                "registered but not in SiteRoute: \(registered.subtracting(listed).sorted())")
            #expect(
                listed.subtracting(registered).isEmpty,
                "in SiteRoute but not registered: \(listed.subtracting(registered).sorted())")
        }
    }

    @Test("a link fills each parameter of its pattern in order")
    func linksFillTheirPatterns() throws {
        // setup
        let id = try #require(UUID(uuidString: "0190F2C4-0000-7000-8000-000000000001"))
        // act, check
        #expect(SiteRoute.home.path() == "/")
        #expect(SiteRoute.policyRowEnd.path("monitoring-lines", "x") == "/admin/policy/monitoring-lines/x/end")
        #expect(SiteRoute.lead.path(id) == "/leads/0190f2c4-0000-7000-8000-000000000001")
        #expect(SiteURL.household(id: id).path == "/households/0190f2c4-0000-7000-8000-000000000001")
        #expect(SiteURL.login(next: "/leads?state=open").path == "/login?next=/leads%3Fstate%3Dopen")
        for route in SiteRoute.allCases {
            let values = route.parameterNames.map { "<\($0)>" }
            let filled = values.isEmpty ? route.path() : route.path(filling: values)
            #expect(
                filled == "/"
                    + route.rawValue.split(separator: "/").map {
                        $0.hasPrefix(":") ? "<\($0.dropFirst())>" : String($0)
                    }.joined(separator: "/"))
        }
    }
}
