import Foundation

/// Every page's address in one place, so links and routes cannot drift apart.
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
        case .home: return "/"
        case let .login(next):
            guard let next, next != "/", next.hasPrefix("/"), !next.hasPrefix("//") else { return "/login" }
            return "/login?next=" + Self.escape(next)
        case .logout: return "/logout"
        case .areas: return "/areas"
        case let .area(code): return "/areas/\(code)"
        case let .areaNewChild(parentCode): return "/areas/\(parentCode)/new"
        case let .areaEdit(code): return "/areas/\(code)/edit"
        case let .households(query):
            guard let query, !query.isEmpty else { return "/households" }
            return "/households?" + query
        case let .household(id): return "/households/\(id.uuidString.lowercased())"
        case .users: return "/admin/users"
        case .userNew: return "/admin/users/new"
        case let .user(id): return "/admin/users/\(id.uuidString.lowercased())"
        case .audit: return "/audit"
        case .policy: return "/admin/policy"
        }
    }

    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
