import Foundation

/// The addresses pages link to most, typed; each is made from its `SiteRoute` pattern.
enum SiteURL {
    case home
    case login(next: String?)
    case logout
    case areas
    case area(code: String)
    case areaNewChild(parentCode: String)
    case areaEdit(code: String)
    case households(query: String?)
    case household(id: UUID)
    case users
    case userNew
    case user(id: UUID)
    case audit
    case policy

    var path: String {
        switch self {
        case .home: return SiteRoute.home.path()
        case let .login(next):
            let login = SiteRoute.login.path()
            guard let next, next != "/", next.hasPrefix("/"), !next.hasPrefix("//") else { return login }
            return login + "?next=" + Self.escape(next)
        case .logout: return SiteRoute.logout.path()
        case .areas: return SiteRoute.areas.path()
        case let .area(code): return SiteRoute.area.path(code)
        case let .areaNewChild(parentCode): return SiteRoute.areaNewChild.path(parentCode)
        case let .areaEdit(code): return SiteRoute.areaEdit.path(code)
        case let .households(query):
            let households = SiteRoute.households.path()
            guard let query, !query.isEmpty else { return households }
            return households + "?" + query
        case let .household(id): return SiteRoute.household.path(id)
        case .users: return SiteRoute.users.path()
        case .userNew: return SiteRoute.userNew.path()
        case let .user(id): return SiteRoute.user.path(id)
        case .audit: return SiteRoute.audit.path()
        case .policy: return SiteRoute.policy.path()
        }
    }

    /// `path` followed by `query` (already escaped) when there is one.
    static func withQuery(_ path: String, _ query: String) -> String {
        query.isEmpty ? path : path + "?" + query
    }

    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
