import Domain
import Vapor

/// Refuses a route to a signed-in user whose role lacks `permission`, before any handler runs. The route table
/// places it, so a route's permission is read where the route is.
struct RequirePermission: AsyncMiddleware {
    let permission: Permission

    init(_ permission: Permission) { self.permission = permission }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try request.requireUser().require(permission)
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// The routes of `permission`.
    func requiring(_ permission: Permission) -> any RoutesBuilder { grouped(RequirePermission(permission)) }
}
