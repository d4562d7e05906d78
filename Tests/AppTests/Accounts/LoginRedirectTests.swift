@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("After login only this site's own paths are followed")
struct LoginRedirectTests {
    static let hostile = [
        "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example",
        " //evil.example",
        "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%09/evil.example", "https://evil.example",
        "https:evil.example", "javascript:alert(1)", "\\\\evil.example", "/\u{3000}/evil.example", "///evil.example",
        "/login?next=//evil.example", "evil.example", "",
    ]

    @Test("hostile next values are dropped", arguments: hostile)
    func hostileNext(_ next: String) {
        #expect(LoginController.safeNext(next) == nil)
    }

    @Test("local paths with a query are kept")
    func localNext() {
        for next in [
            "/households", "/households/3f1e?reveal=1", "/leads?state=open&offset=100", "/households?q=%E5%BC%A0",
        ] {
            #expect(LoginController.safeNext(next) == next)
        }
    }

    @Test("a login with next=/%09/evil.example lands on the home page")
    func tabbedNextAfterLogin() async throws {
        try await withDemoApp(households: 3) { app in
            // act: the query decodes %09 to a tab, which a browser would drop from the location
            for next in ["/\t/evil.example", "/\\evil.example", "//evil.example"] {
                try await app.testing().test(
                    .POST, "login", headers: sameSiteForm(),
                    beforeRequest: { request in
                        try request.content.encode(
                            ["username": "county", "password": demoPassword, "next": next], as: .urlEncodedForm)
                    },
                    afterResponse: { response in
                        // check
                        #expect(response.status == .seeOther)
                        #expect(response.headers.first(name: .location) == "/", "\(next.debugDescription)")
                    })
            }
        }
    }
}
