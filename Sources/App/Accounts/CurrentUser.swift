import Domain
import Vapor

/// The signed-in user as the rest of the app sees it: a plain value with role, area and scope resolved.
struct CurrentUser: Sendable {
    let id: UUID
    let username: String
    let displayName: String
    let role: Role
    let department: Department?
    let scope: AccessScope
    /// The web session's anti-forgery token; nil for API tokens, which are not sent by browsers on their own.
    let csrfToken: String?

    var areaCode: AreaCode { scope.root }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

    /// The signed-in user, if any.
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user; routes behind `RequireUser` can rely on it.
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw AppError.signInRequired }
        return user
    }

    /// The signed-in user, refused with the permission's own words unless their role holds `permission`.
    func requireUser(holding permission: Permission) throws -> CurrentUser {
        let user = try requireUser()
        try user.require(permission)
        return user
    }
}

extension User {
    /// Builds the request's view of this user, refusing a record whose role or area no longer parses.
    func current(csrfToken: String?) throws -> CurrentUser {
        guard let id, let role = Role(rawValue: role), let code = AreaCode(areaCode) else {
            throw AppError.accountIncomplete
        }
        return CurrentUser(
            id: id, username: username, displayName: displayName, role: role,
            department: department.flatMap(Department.init(rawValue:)),
            scope: AccessScope(root: code), csrfToken: csrfToken
        )
    }
}
