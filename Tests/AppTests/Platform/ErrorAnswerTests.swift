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

    @Test("health and metrics answer")
    func healthAndMetrics() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "healthz") { response in #expect(response.status == .ok) }
            try await app.testing().test(.GET, "metrics") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("http_requests_total"))
            }
        }
    }
}
