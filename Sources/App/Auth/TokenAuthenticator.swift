import Fluent
import Vapor

/// Resolves the session cookie (web) or the bearer token (API) to the signed-in user.
///
/// Both kinds live in one table and take one path, so expiry, deactivation and scoping behave the same.
struct TokenAuthenticator: AsyncMiddleware {
    static let cookieName = "shouwang_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            request.currentUser = try await Self.user(for: bearer, kind: .apiToken, on: request)
        } else if let cookie = request.cookies[Self.cookieName]?.string {
            request.currentUser = try await Self.user(for: cookie, kind: .webSession, on: request)
        }
        return try await next.respond(to: request)
    }

    static func user(for secret: String, kind: AuthToken.Kind, on request: Request) async throws -> CurrentUser? {
        guard !secret.isEmpty, secret.count < 200 else { return nil }
        // One query for token and user: this runs on every request.
        guard let token = try await AuthToken.query(on: request.db)
            .join(User.self, on: \AuthToken.$user.$id == \User.$id)
            .filter(\.$tokenHash == TokenDigest.hash(secret))
            .filter(\.$kind == kind.rawValue)
            .first(),
            let user = try? token.joined(User.self)
        else { return nil }
        let now = request.now
        guard token.expiresAt > now, user.isActive else { return nil }
        if kind == .webSession {
            try await refreshIfHalfSpent(token, now: now, on: request)
        }
        return try user.current(csrfToken: token.csrfToken)
    }

    /// Slides an idle web session forward, writing at most once per half lifetime rather than on every request.
    private static func refreshIfHalfSpent(_ token: AuthToken, now: Date, on request: Request) async throws {
        let lifetime = request.application.settings.sessionIdleTimeout
        guard token.expiresAt.timeIntervalSince(now) < lifetime / 2 else { return }
        token.expiresAt = now.addingTimeInterval(lifetime)
        try await token.save(on: request.db)
    }
}

/// Lets only signed-in users through: web requests go to the login page, API requests get 401.
struct RequireUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            if request.isAPI { throw Abort(.unauthorized, reason: "需要有效的访问令牌（Authorization: Bearer …）。") }
            let next = request.url.path.isEmpty ? "/" : request.url.string
            return request.redirect(to: SiteURL.login(next: next).path)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
