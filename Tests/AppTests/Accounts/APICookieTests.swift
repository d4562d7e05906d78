@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The API takes a bearer token only, never the browser's session cookie")
struct APICookieTests {
    @Test("a write to /api/v1 sent from another site with the session cookie is refused and changes nothing")
    func cookieWriteIsRefused() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: a signed-in grid worker's browser, driven by a page on another site
            let gridUser = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == gridUser.areaCode).first())
            let session = try await app.signIn("grid")
            var headers = session.headers
            headers.add(name: .origin, value: "https://evil.example")
            let before = try await Visit.query(on: app.db).count()
            // act
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/visits", headers: headers,
                beforeRequest: { request in
                    try request.content.encode(
                        API.VisitRequest(visitedOn: "2026-11-21", findings: "伪造的走访", risks: [], riskNote: nil))
                },
                afterResponse: { response in
                    // check
                    #expect(response.status == .unauthorized)
                })
            #expect(try await Visit.query(on: app.db).count() == before)
            // check: reads do not take the cookie either; the same call with the bearer token works
            try await app.testing().test(.GET, "api/v1/me", headers: session.headers) { response in
                #expect(response.status == .unauthorized)
            }
            let token = try await app.apiToken("grid")
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/visits", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.VisitRequest(visitedOn: "2026-11-21", findings: "正常", risks: [], riskNote: nil))
                },
                afterResponse: { response in
                    #expect(response.status == .ok || response.status == .created)
                })
            #expect(try await Visit.query(on: app.db).count() == before + 1)
        }
    }

    @Test("web pages still take the session cookie")
    func webTakesCookie() async throws {
        try await withDemoApp(households: 3) { app in
            let session = try await app.signIn("county")
            try await app.testing().test(.GET, "households", headers: session.headers) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
