@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Whole numbers sent by clients are range-checked")
struct NumberInputTests {
    @Test("an offset or limit near Int.max is a 400 naming the parameter, on every paged page and endpoint")
    func hugeNumbersAreRefused() async throws {
        try await withDemoApp(households: 5) { app in
            // setup
            let admin = try await app.signIn("admin")
            let token = try await app.apiToken("admin")
            let huge = String(Int.max)
            let web = [
                "audit?offset=\(huge)", "households?offset=\(huge)", "leads?offset=\(huge)",
                "households/export?offset=\(huge)",
                "households?limit=\(huge)",
            ]
            let api = [
                "api/v1/households?offset=\(huge)", "api/v1/leads?offset=\(huge)", "api/v1/leads?limit=\(huge)",
                "api/v1/households?limit=-\(huge)",
            ]
            // act, check: the process survives and the answer says which parameter is wrong
            for path in web {
                try await app.testing().test(.GET, path, headers: admin.headers) { response in
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(response.body.string.contains(path.contains("limit") ? "limit" : "offset"), "\(path)")
                }
            }
            for path in api {
                try await app.testing().test(.GET, path, headers: app.bearer(token)) { response in
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(
                        response.body.string.contains("参数 \(path.contains("limit") ? "limit" : "offset")"), "\(path)")
                }
            }
        }
    }

    @Test("numbers in range still page normally")
    func numbersInRangeWork() async throws {
        try await withDemoApp(households: 5) { app in
            let admin = try await app.signIn("admin")
            for path in ["audit?offset=100", "households?offset=2&limit=2", "leads?offset=0"] {
                try await app.testing().test(.GET, path, headers: admin.headers) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
        }
    }
}
