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
            try await app.testing().test(
                .POST, "login", headers: sameSiteForm(),
                beforeRequest: { request in
                    try request.content.encode(
                        ["username": "county", "password": "wrong-password"], as: .urlEncodedForm)
                },
                afterResponse: { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.body.string.contains("用户名或密码错误"))
                    #expect(response.headers.setCookie?[TokenAuthenticator.cookieName] == nil)
                })
        }
    }

    @Test("a wrong password warns of the lock; one address guessing at many accounts is stopped before it locks them")
    func addressThrottle() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            func login(_ username: String, _ password: String) async throws -> (HTTPStatus, String) {
                try await app.attemptSignIn(username, password: password)
            }
            let accounts = ["county", "town", "village", "grid", "contact", "dept", "supervisor"]
            // act: wrong passwords spread over accounts, fewer than each account's lock
            var first = ""
            for attempt in 0..<LoginThrottle.maxFailures {
                let (status, body) = try await login(accounts[attempt % accounts.count], "wrong-password")
                #expect(status == .unauthorized)
                if attempt == 0 { first = body }
            }
            // check: warned of the lock, then the address waits while the accounts stay unlocked
            #expect(first.contains("连续输错 \(SignIn.maxFailures) 次将临时锁定"))
            let (status, body) = try await login("county", demoPassword)
            #expect(status == .unauthorized)
            #expect(body.contains("此设备登录失败次数过多"))
            for username in accounts { #expect(try await app.user(username).lockedUntil == nil) }
        }
    }

    @Test("a form posted after the session ended comes back after signing in, with the text kept, and saves")
    func expiredSessionKeepsTheForm() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: a grid worker types a visit while the session runs out
            let grid = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let id = try household.requireID().uuidString.lowercased()
            let session = try await app.signIn("grid")
            try await AuthToken.query(on: app.db).filter(\.$user.$id == grid.requireID()).set(
                \.$expiresAt, to: testNow.addingTimeInterval(-60)
            ).update()
            let findings = "户主说：儿子上月外出务工受伤，医药费已花去两万元。"
            var login = ""
            // act
            try await app.postForm(
                "households/\(id)/visits", as: session, ["visited_on": "2026-11-22", "findings": findings]
            ) { response in
                #expect(response.status == .seeOther)
                login = response.headers.first(name: .location) ?? ""
            }
            // check: to the login page, then to the kept text
            #expect(login.hasPrefix("/login?next=%2Fdrafts%2F") || login.hasPrefix("/login?next=/drafts/"))
            let next = try #require(login.components(separatedBy: "next=").last?.removingPercentEncoding)
            #expect(try await Visit.query(on: app.db).filter(\.$findings == findings).count() == 0)
            let other = try await app.signIn("county")
            try await app.testing().test(.GET, String(next.dropFirst()), headers: other.headers) {
                #expect($0.status == .notFound)
            }
            let again = try await app.signIn("grid")
            let page = try await app.page(String(next.dropFirst()), as: again)
            #expect(page.contains(findings))
            let form = try BrowserForm.named("/households/\(id)/visits", in: page)
            try await app.submit(form, as: again) { #expect($0.status == .seeOther) }
            #expect(try await Visit.query(on: app.db).filter(\.$findings == findings).count() == 1)
            // a draft is taken once
            try await app.testing().test(.GET, String(next.dropFirst()), headers: again.headers) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("five failures lock the account for a while, even with the right password")
    func lockout() async throws {
        try await withDemoApp { app in
            for _ in 0..<SignIn.maxFailures {
                try await app.testing().test(
                    .POST, "api/v1/auth/token",
                    beforeRequest: { request in
                        try request.content.encode(API.TokenRequest(username: "village", password: "nope-nope-nope"))
                    }, afterResponse: { response in #expect(response.status == .unauthorized) })
            }
            try await app.testing().test(
                .POST, "api/v1/auth/token",
                beforeRequest: { request in
                    try request.content.encode(API.TokenRequest(username: "village", password: demoPassword))
                },
                afterResponse: { response in
                    #expect(response.status == .tooManyRequests)
                    #expect(response.body.string.contains("锁定"))
                })
        }
    }

    @Test("a refused sign-in is audited also when the account is locked, with the address it came from")
    func lockedAttemptsAreAudited() async throws {
        try await withDemoApp(households: 1) { app in
            for _ in 0...SignIn.maxFailures {
                _ = try await app.attemptSignIn("village", password: "nope-nope-nope")
            }
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == "login_failed")
                .filter(\.$actorName == "village").all()
            #expect(failures.count == SignIn.maxFailures + 1)
            #expect(failures.filter { $0.summary.contains("账号已锁定") }.count == 1)
        }
    }

    @Test("a session in steady use still ends at its absolute lifetime, and its expiry never passes that end")
    func absoluteSessionLifetime() async throws {
        try await withDemoApp(households: 1) { app in
            // setup: signed in now (the token's creation is stamped with the real time)
            let start = Date()
            app.clock = .fixed(start)
            let session = try await app.signIn("village")
            let lifetime = app.settings.sessionAbsoluteLifetime
            // act: a request every hour, so the idle timeout never ends it
            var hour = 1.0
            while hour * 3600 < lifetime {
                app.clock = .fixed(start.addingTimeInterval(hour * 3600))
                try await app.testing().test(.GET, "", headers: session.headers) { response in
                    #expect(response.status == .ok, "hour \(hour)")
                }
                hour += 1
            }
            let token = try #require(
                try await AuthToken.query(on: app.db).filter(\.$tokenHash == TokenDigest.hash(session.cookie)).first())
            #expect(token.expiresAt <= start.addingTimeInterval(lifetime + 5))
            app.clock = .fixed(start.addingTimeInterval(lifetime + 60))
            // check
            try await app.testing().test(.GET, "", headers: session.headers) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
        }
    }

    @Test("the session cookie is HttpOnly, SameSite and Secure, and leads to the role's home page")
    func sessionCookie() async throws {
        try await withDemoApp { app in
            try await app.testing().test(
                .POST, "login", headers: sameSiteForm(),
                beforeRequest: { request in
                    try request.content.encode(["username": "county", "password": demoPassword], as: .urlEncodedForm)
                },
                afterResponse: { response in
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
            try await app.testing().test(
                .POST, "logout", headers: session.formHeaders,
                beforeRequest: { request in
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
