@testable import App
import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Area scoping: a user sees and reaches only their own subtree")
struct ScopingTests {
    @Test("a township user gets 404 for a household of another township, by web and by API")
    func otherTownshipIsNotFound() async throws {
        try await withDemoApp { app in
            // setup
            let town = try await app.user("town")
            let outside = try await app.household(inTownship: town.areaCode, inside: false)
            let inside = try await app.household(inTownship: town.areaCode)
            let session = try await app.signIn("town")
            let token = try await app.apiToken("town")
            // act & check
            try await app.testing().test(.GET, "households/\(try outside.requireID())", headers: session.headers) {
                response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("未找到"))
                #expect(!response.body.string.contains(outside.headName))
            }
            try await app.testing().test(
                .GET, "api/v1/households/\(try outside.requireID())", headers: app.bearer(token)
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("\"not_found\""))
            }
            try await app.testing().test(.GET, "households/\(try inside.requireID())", headers: session.headers) {
                response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(inside.householdNumber))
            }
        }
    }

    @Test("lists and counts never include households outside the scope")
    func listsAreScoped() async throws {
        try await withDemoApp { app in
            // setup
            let town = try await app.user("town")
            let prefix = String(town.areaCode.prefix(9))
            let expected = try await Household.query(on: app.db).all().filter { $0.villageCode.hasPrefix(prefix) }.count
            let token = try await app.apiToken("town")
            // act
            var seen: [API.HouseholdSummary] = []
            var total = -1
            var offset = 0
            repeat {
                try await app.testing().test(
                    .GET, "api/v1/households?limit=200&offset=\(offset)", headers: app.bearer(token)
                ) { response in
                    let page = try response.content.decode(API.Page<API.HouseholdSummary>.self)
                    total = page.total
                    seen += page.items
                }
                offset += 200
            } while offset < total
            // check
            #expect(expected > 0)
            #expect(total == expected)
            #expect(seen.count == expected)
            #expect(seen.allSatisfy { $0.villageCode.hasPrefix(prefix) })
            #expect(Set(seen.map(\.id)).count == seen.count)
        }
    }

    @Test("an area filter outside the scope finds nothing instead of widening it")
    func areaFilterCannotWiden() async throws {
        try await withDemoApp { app in
            let token = try await app.apiToken("town")
            try await app.testing().test(.GET, "api/v1/households?area=512002000000", headers: app.bearer(token)) {
                response in
                let page = try response.content.decode(API.Page<API.HouseholdSummary>.self)
                #expect(page.total == 0)
                #expect(page.items.isEmpty)
            }
            try await app.testing().test(.GET, "api/v1/areas/512002000000", headers: app.bearer(token)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a grid worker sees the households of their grid only")
    func gridWorkerSeesGrid() async throws {
        try await withDemoApp { app in
            let grid = try await app.user("grid")
            let token = try await app.apiToken("grid")
            let expected = try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).count()
            try await app.testing().test(.GET, "api/v1/households?limit=200", headers: app.bearer(token)) { response in
                let page = try response.content.decode(API.Page<API.HouseholdSummary>.self)
                #expect(page.total == expected)
                #expect(page.items.allSatisfy { $0.gridCode == grid.areaCode })
            }
        }
    }

    @Test("home page counts cover the user's area only")
    func homeCountsAreScoped() async throws {
        try await withDemoApp { app in
            let county = try await app.signIn("county")
            let town = try await app.signIn("town")
            let all = try await Household.query(on: app.db).count()
            try await app.testing().test(.GET, "/", headers: county.headers) { response in
                #expect(response.body.string.contains("data-role=\"county\""))
                #expect(response.body.string.contains(">\(all.formatted())<"))
            }
            try await app.testing().test(.GET, "/", headers: town.headers) { response in
                #expect(response.body.string.contains("data-role=\"town\""))
                #expect(!response.body.string.contains(">\(all.formatted())<"))
            }
        }
    }
}
