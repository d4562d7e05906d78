import Fluent
import Vapor

/// Resolves the session cookie (web) or the bearer token (API) to the signed-in user.
///
/// Both kinds live in one table and take one path, so expiry, deactivation and scoping behave the same. `/api/v1`
/// takes a bearer token only: a browser sends the cookie with any request another site makes it send, and the API
/// has no anti-forgery token or origin check (`FormProtection` covers web forms), so a cookie there would let any
/// page a signed-in user opens write in their name.
struct TokenAuthenticator: AsyncMiddleware {
    static let cookieName = "shouwang_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            request.currentUser = try await Self.user(for: bearer, kind: .apiToken, on: request)
        } else if !request.isAPI, let cookie = request.cookies[Self.cookieName]?.string {
            request.currentUser = try await Self.user(for: cookie, kind: .webSession, on: request)
        }
        return try await next.respond(to: request)
    }

    static func user(for secret: String, kind: AuthToken.Kind, on request: Request) async throws -> CurrentUser? {
        guard !secret.isEmpty, secret.count < 200 else { return nil }
        guard
            let session = try await SessionStore.session(
                tokenHash: TokenDigest.hash(secret), kind: kind, on: request.db)
        else { return nil }
        let user = session.user
        let expiresAt = session.expiresAt
        let now = request.now
        guard expiresAt > now, user.isActive else { return nil }
        if kind == .webSession {
            // however busy, a session ends at its absolute lifetime: a stolen cookie stops working then
            let absoluteEnd = session.createdAt.map {
                $0.addingTimeInterval(request.application.settings.sessionAbsoluteLifetime)
            }
            if let absoluteEnd, absoluteEnd <= now { return nil }
            try await refreshIfHalfSpent(
                session.tokenID, expiresAt: expiresAt, absoluteEnd: absoluteEnd, now: now, on: request)
        }
        return try user.current(csrfToken: session.csrfToken)
    }

    /// Slides an idle web session forward, writing at most once per half lifetime rather than on every request.
    private static func refreshIfHalfSpent(
        _ tokenID: UUID, expiresAt: Date, absoluteEnd: Date?, now: Date, on request: Request
    ) async throws {
        let lifetime = request.application.settings.sessionIdleTimeout
        guard expiresAt.timeIntervalSince(now) < lifetime / 2 else { return }
        let slid = now.addingTimeInterval(lifetime)
        let next = absoluteEnd.map { min($0, slid) } ?? slid
        guard next > expiresAt else { return }
        try await AuthToken.query(on: request.db).filter(\.$id == tokenID)
            .set(\.$expiresAt, to: next).update()
    }
}

/// Lets only signed-in users through: web requests go to the login page, API requests get 401.
struct RequireUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            if request.isAPI { throw AppError.tokenRequired }
            // A form posted after the session ended comes back after signing in, with what was typed.
            if let draft = try await FormDrafts.keepExpiredPost(request) {
                return request.redirect(to: SiteURL.login(next: draft).path)
            }
            let next = request.url.path.isEmpty ? "/" : request.url.string
            return request.redirect(to: SiteURL.login(next: request.method == .GET ? next : nil).path)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
