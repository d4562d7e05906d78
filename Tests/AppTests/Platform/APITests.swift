@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The JSON API and its OpenAPI description")
struct APITests {
    @Test("households page with limit and offset, each item with an id, and the detail by id")
    func paging() async throws {
        try await withDemoApp { app in
            let token = try await app.apiToken("county")
            var first: API.Page<API.HouseholdSummary>?
            try await app.testing().test(.GET, "api/v1/households?limit=10&offset=0", headers: app.bearer(token)) {
                response in
                first = try response.content.decode(API.Page<API.HouseholdSummary>.self)
            }
            var second: API.Page<API.HouseholdSummary>?
            try await app.testing().test(.GET, "api/v1/households?limit=10&offset=10", headers: app.bearer(token)) {
                response in
                second = try response.content.decode(API.Page<API.HouseholdSummary>.self)
            }
            let one = try #require(first), two = try #require(second)
            #expect(one.items.count == 10)
            #expect(one.total == 300)
            #expect(Set(one.items.map(\.id)).isDisjoint(with: two.items.map(\.id)))
            let id = try #require(one.items.first?.id)
            try await app.testing().test(.GET, "api/v1/households/\(id)", headers: app.bearer(token)) { response in
                let detail = try response.content.decode(API.HouseholdDetail.self)
                #expect(detail.household.id == id)
                #expect(!detail.members.isEmpty)
                #expect(detail.revealed == false)
                #expect(detail.members.allSatisfy { $0.idNumber.contains("**********") })
                #expect(detail.members.allSatisfy { $0.health == nil })
            }
        }
    }

    @Test("the OpenAPI document lists exactly the registered /api/v1 routes")
    func openAPIMatchesRoutes() async throws {
        try await withDemoApp(households: 5) { app in
            let registered = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case let .parameter(name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/") else { return nil }
                    return "\(route.method.rawValue.lowercased()) \(path)"
                })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
            #expect(registered == documented)
            try await app.testing().test(.GET, "api/v1/openapi.json") { response in
                #expect(response.status == .ok)
                let json =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect(json?["openapi"] as? String == "3.1.0")
                let paths = json?["paths"] as? [String: Any]
                #expect(paths?.count == Set(OpenAPIDocument.operations.map(\.path)).count)
            }
        }
    }

    @Test("the area endpoint gives children with counts that add up")
    func areaCounts() async throws {
        try await withDemoApp { app in
            let token = try await app.apiToken("county")
            try await app.testing().test(.GET, "api/v1/areas/512002000000", headers: app.bearer(token)) { response in
                let detail = try response.content.decode(API.AreaDetail.self)
                #expect(detail.area.households == 300)
                #expect(detail.children.compactMap(\.households).reduce(0, +) == 300)
                #expect(detail.children.allSatisfy { $0.level == "township" })
            }
        }
    }
}
