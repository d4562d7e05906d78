@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Clear answers to bad requests, never a 500")
struct ErrorAnswerTests {
    @Test("an unknown page answers 404 in Chinese; an unknown API route answers 404 in JSON")
    func unknownRoutes() async throws {
        try await withDemoApp { app in
            let session = try await app.signIn("county")
            try await app.testing().test(.GET, "no/such/page", headers: session.headers) { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("页面不存在"))
                #expect(response.headers.contentType == .html)
            }
            try await app.testing().test(.GET, "api/v1/nothing-here") { response in
                #expect(response.status == .notFound)
                let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                #expect(body.error.code == "not_found")
            }
        }
    }

    @Test("malformed JSON and missing fields get a 400 that says what is wrong")
    func malformedJSON() async throws {
        try await withDemoApp { app in
            var headers = HTTPHeaders()
            headers.contentType = .json
            try await app.testing().test(
                .POST, "api/v1/auth/token", headers: headers, body: ByteBuffer(string: "{\"username\": \"county\",")
            ) { response in
                #expect(response.status == .badRequest)
                let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                #expect(body.error.message.contains("JSON"))
            }
            try await app.testing().test(
                .POST, "api/v1/auth/token", headers: headers, body: ByteBuffer(string: "{\"username\": \"county\"}")
            ) { response in
                #expect(response.status == .badRequest)
                let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                #expect(body.error.message.contains("password"))
            }
        }
    }

    @Test("bad paging and filters are refused with the parameter named")
    func badQuery() async throws {
        try await withDemoApp { app in
            let token = try await app.apiToken("county")
            for (query, word) in [
                ("limit=0", "limit"), ("limit=5000", "limit"), ("offset=-3", "offset"), ("type=rich", "rich"),
                ("area=12ab", "12ab"),
            ] {
                try await app.testing().test(.GET, "api/v1/households?\(query)", headers: app.bearer(token)) {
                    response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.body.string.contains(word), "\(query)")
                }
            }
            try await app.testing().test(.GET, "api/v1/households/not-a-uuid", headers: app.bearer(token)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("health answers anyone; metrics only the monitoring token, or the loopback when no token is set")
    func healthAndMetrics() async throws {
        try await withDemoApp(households: 1) { app in
            try await app.testing().test(.GET, "healthz") { response in #expect(response.status == .ok) }
            // in memory there is no loopback peer: nothing there
            try await app.testing().test(.GET, "metrics") { response in #expect(response.status == .notFound) }
            app.settings.metricsToken = "metrics-token-of-the-test"
            try await app.testing().test(.GET, "metrics", headers: app.bearer("metrics-token-of-the-test")) {
                response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("http_requests_total"))
            }
            try await app.testing().test(.GET, "metrics", headers: app.bearer("metrics-token-of-the-tesT")) {
                response in
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("http_requests_total"))
            }
        }
    }

    @Test("a request from the machine itself reads the metrics when no token is set")
    func metricsOnLoopback() async throws {
        try await withDemoApp(households: 1) { app in
            try await app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...40_000))).test(
                .GET, "metrics"
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("error pages carry the security headers too")
    func errorPagesCarryHeaders() async throws {
        try await withDemoApp(households: 1) { app in
            for path in ["no/such/page", "api/v1/no-such", "households/not-a-uuid"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status.code >= 300)
                    #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                    #expect(
                        response.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                }
            }
        }
    }
}
