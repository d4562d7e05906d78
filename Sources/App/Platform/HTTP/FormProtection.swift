import Vapor

/// Refuses forged web form submissions before they change anything.
///
/// Two independent checks: the browser's `Origin` (or `Referer`) must be this site, and a signed-in user's form must
/// echo the session's anti-forgery token in `_csrf`. Cookies are also `SameSite=Lax`; the checks stand even where a
/// browser ignores that.
struct FormProtection: AsyncMiddleware {
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !request.isAPI else { return try await next.respond(to: request) }
        guard Self.isSameOrigin(request) else {
            throw AppError.foreignOrigin
        }
        if let user = request.currentUser, let expected = user.csrfToken {
            if request.body.data == nil {
                // A large upload is still streaming; read it whole (within the route's limit) to find the token.
                _ = try await request.body.collect(max: Self.bodyLimit(for: request)).get()
            }
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            guard let sent, Self.constantTimeEquals(sent, expected) else {
                throw AppError.formExpired
            }
        }
        return try await next.respond(to: request)
    }

    /// Uploads of registry files may be large; every other form keeps the application's ordinary limit.
    static func bodyLimit(for request: Request) -> Int {
        [SiteRoute.imports, .departmentBatches].map { $0.path() }.contains(request.url.path)
            ? RegistryImportService.maximumFileSize + 1_048_576 : request.application.routes.defaultMaxBodySize.value
    }

    static func isSameOrigin(_ request: Request) -> Bool {
        guard let host = request.headers.first(name: .host) else { return false }
        let source = request.headers.first(name: .origin) ?? request.headers.first(name: .referer)
        guard let source, source != "null" else {
            // Non-browser clients send neither header; browsers always send Origin on POST.
            return request.headers.first(name: .origin) == nil
        }
        guard let url = URL(string: source), let sourceHost = url.host else { return false }
        let sourceAuthority = url.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        return sourceAuthority.lowercased() == host.lowercased()
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
