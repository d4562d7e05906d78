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

    @Test("every route is reached by a path made from its own pattern (no constant segment shadows a parameter)")
    func everyRouteIsReachable() async throws {
        try await withDemoApp(households: 1) { app in
            // setup: the router the server uses, over the registered routes
            let router = TrieRouter(String.self)
            for route in app.routes.all {
                router.register(
                    route.method.rawValue + " " + route.path.string, at: [.constant(route.method.rawValue)] + route.path
                )
            }
            // act, check: a path filled with values that are no constant anywhere comes back to its own route
            for route in app.routes.all {
                let pattern = SiteRoute(rawValue: route.path.string)
                let values = pattern?.parameterNames.map { "value-of-\($0)" } ?? []
                let path = pattern.map { values.isEmpty ? $0.path() : $0.path(filling: values) } ?? ""
                var parameters = Parameters()
                let components = [route.method.rawValue] + path.split(separator: "/").map(String.init)
                let found = router.route(path: components, parameters: &parameters)
                #expect(
                    found == route.method.rawValue + " " + route.path.string,
                    "\(route.method.rawValue) \(path) reaches \(found ?? "nothing") instead of \(route.path.string)")
            }
        }
    }

    @Test("a link fills each parameter of its pattern in order")
    func linksFillTheirPatterns() throws {
        // setup
        let id = try #require(UUID(uuidString: "0190F2C4-0000-7000-8000-000000000001"))
        // act, check
        #expect(SiteRoute.home.path() == "/")
        #expect(SiteRoute.policyMonitoringLineEnd.path("x") == "/admin/policy/monitoring-lines/x/end")
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
