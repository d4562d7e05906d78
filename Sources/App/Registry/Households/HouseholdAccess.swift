import Domain
import Fluent
import Vapor

/// What a user may do to a household's records, decided by role; the household itself comes through the scope.
enum HouseholdAction {
    case editRegistry
    case recordVisit
    case assignContact

    func isAllowed(for role: Role) -> Bool {
        switch self {
        case .editRegistry: role.canEditRegistry
        case .recordVisit: [.admin, .county, .town, .village, .grid, .contact].contains(role)
        case .assignContact: [.admin, .county, .town, .village].contains(role)
        }
    }

    var refusal: String {
        switch self {
        case .editRegistry: "您的角色不能修改农户信息。"
        case .recordVisit: "您的角色不能登记走访。"
        case .assignContact: "只有村、乡镇、县级用户可以安排监测联系人。"
        }
    }
}

extension Request {
    /// The household named in the path, inside the user's scope, for an action the user's role allows.
    func household(for action: HouseholdAction) async throws -> (CurrentUser, Household) {
        let user = try requireUser()
        let household = try await scoped(Household.self).find(parameters.get("id", as: UUID.self))
        guard action.isAllowed(for: user.role) else { throw Abort(.forbidden, reason: action.refusal) }
        return (user, household)
    }

    /// Today in China, from the application clock.
    var today: CivilDate { ChinaTime.civilDate(of: now) }

    /// A form's checkbox group (`name[]`, repeated once per ticked box), read from the raw form body so that one,
    /// several or no ticks all come out as a list.
    func checkedValues(_ name: String) -> [String] {
        guard headers.contentType == .urlEncodedForm, let body = body.string else { return [] }
        let keys: Set<String> = [name, name + "[]"]
        return body.split(separator: "&").compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let key = Self.formDecoded(parts[0]), keys.contains(key) else { return nil }
            return Self.formDecoded(parts[1])
        }
    }

    private static func formDecoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    func formText(_ name: String) -> String {
        (try? content.get(String.self, at: name)) ?? ""
    }
}
