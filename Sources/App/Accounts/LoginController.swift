import Fluent
import Vapor

/// 登录与退出
struct LoginController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func show(_ request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: SiteURL.home.path) }
        let next = try? request.query.get(String.self, at: "next")
        return .html(LoginPage(next: Self.safeNext(next)).render())
    }

    func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let next = Self.safeNext(form.next)
        switch try await SignIn.verify(username: form.username ?? "", password: form.password ?? "", on: request) {
        case let .failure(failure):
            let page = LoginPage(username: form.username ?? "", next: next, error: SignIn.message(for: failure))
            return .html(page.render(), status: .unauthorized)
        case let .success(user):
            let (secret, _) = try await SignIn.issue(.webSession, for: user, on: request)
            let response = request.redirect(to: next ?? SiteURL.home.path, redirectType: .normal)
            response.cookies[TokenAuthenticator.cookieName] = sessionCookie(secret, request: request)
            return response
        }
    }

    func logout(_ request: Request) async throws -> Response {
        if let secret = request.cookies[TokenAuthenticator.cookieName]?.string {
            try await SignIn.signOut(
                secret: secret, user: request.currentUser, actor: request.auditActor, at: request.now, on: request.db)
        }
        let response = request.redirect(to: SiteURL.login(next: nil).path)
        var expired = sessionCookie("", request: request)
        expired.expires = Date(timeIntervalSince1970: 0)
        expired.maxAge = 0
        response.cookies[TokenAuthenticator.cookieName] = expired
        return response
    }

    private func sessionCookie(_ value: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: nil, domain: nil, path: "/",
            isSecure: request.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax
        )
    }

    /// Only this site's own paths are followed after login, so the login page cannot send people elsewhere.
    /// Browsers drop tabs and newlines from a location and read `\` as `/`, so `/\t/evil.example` or `/\evil`
    /// would leave the site: the path may hold only the printable characters of a URL, must not start with `//` or
    /// `/\` once percent-decoded, and must not lead back to the login page.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.utf8.count < 500, next.hasPrefix("/"),
            next.unicodeScalars.allSatisfy(isAllowedInPath)
        else { return nil }
        let decoded = next.removingPercentEncoding ?? next
        for form in [next, decoded] {
            let second = form.dropFirst().first
            if second == "/" || second == "\\"
                || form.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            {
                return nil
            }
        }
        guard !decoded.hasPrefix(SiteRoute.login.path()) else { return nil }
        return next
    }

    /// Printable ASCII that may appear in a URL's path and query (RFC 3986), without space, `\`, quotes and brackets.
    private static func isAllowedInPath(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value) && !"\\\"<>^`{|} ".unicodeScalars.contains(scalar)
    }
}
