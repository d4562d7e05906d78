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
            try await AuthToken.query(on: request.db).filter(\.$tokenHash == TokenDigest.hash(secret)).delete()
            if let user = request.currentUser {
                try await AuditLog.record(
                    .logout, entityType: "user", entityID: user.id.uuidString, areaCode: user.areaCode.value,
                    summary: "退出登录", actor: request.auditActor, at: request.now, on: request.db
                )
            }
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

    /// Only local paths are followed after login, so the login page cannot be used to send people elsewhere.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.hasPrefix("/login"), next.count < 500 else { return nil }
        return next
    }
}
