@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Signing in, sessions and tokens")
struct AuthTests {
    @Test("a wrong password re-shows the login page with a Chinese message and no session")
    func wrongPassword() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.POST, "login", headers: sameSiteForm(), beforeRequest: { request in
                try request.content.encode(["username": "county", "password": "wrong-password"], as: .urlEncodedForm)
            }, afterResponse: { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("用户名或密码错误"))
                #expect(response.headers.setCookie?[TokenAuthenticator.cookieName] == nil)
            })
        }
    }

    @Test("five failures lock the account for a while, even with the right password")
    func lockout() async throws {
        try await withDemoApp { app in
            for _ in 0..<SignIn.maxFailures {
                try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                    try request.content.encode(API.TokenRequest(username: "village", password: "nope-nope-nope"))
                }, afterResponse: { response in #expect(response.status == .unauthorized) })
            }
            try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                try request.content.encode(API.TokenRequest(username: "village", password: demoPassword))
            }, afterResponse: { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.body.string.contains("锁定"))
            })
        }
    }

    @Test("the session cookie is HttpOnly, SameSite and Secure, and leads to the role's home page")
    func sessionCookie() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.POST, "login", headers: sameSiteForm(), beforeRequest: { request in
                try request.content.encode(["username": "county", "password": demoPassword], as: .urlEncodedForm)
            }, afterResponse: { response in
                let cookie = try #require(response.headers.setCookie?[TokenAuthenticator.cookieName])
                #expect(cookie.isHTTPOnly)
                #expect(cookie.isSecure)
                #expect(cookie.sameSite == .lax)
                #expect(response.headers.first(name: .location) == "/")
            })
            let session = try await app.signIn("county")
            try await app.testing().test(.GET, "/", headers: session.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("data-page=\"home\""))
                #expect(response.body.string.contains("县级农业农村部门工作台"))
            }
        }
    }

    @Test("signed-out visitors are sent to the login page; the API answers 401 in JSON")
    func signedOut() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "households") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
            try await app.testing().test(.GET, "api/v1/households") { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.contentType == .json)
            }
            try await app.testing().test(.GET, "api/v1/households", headers: app.bearer("forged-token")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("logging out ends the session and a deactivated user's token stops working")
    func logoutAndDeactivation() async throws {
        try await withDemoApp { app in
            let session = try await app.signIn("village")
            try await app.testing().test(.POST, "logout", headers: session.formHeaders, beforeRequest: { request in
                try request.content.encode([FormProtection.fieldName: session.csrf], as: .urlEncodedForm)
            }, afterResponse: { response in #expect(response.status == .seeOther) })
            try await app.testing().test(.GET, "/", headers: session.headers) { response in
                #expect(response.status == .seeOther)
            }
            let token = try await app.apiToken("grid")
            let grid = try await app.user("grid")
            grid.isActive = false
            try await grid.save(on: app.db)
            try await app.testing().test(.GET, "api/v1/me", headers: app.bearer(token)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
