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

    /// A form's checkbox group (`name[]`), as sent by browsers.
    func checkedValues(_ name: String) -> [String] {
        (try? content.get([String].self, at: name + "[]")) ?? (try? content.get([String].self, at: name)) ?? []
    }

    func formText(_ name: String) -> String {
        (try? content.get(String.self, at: name)) ?? ""
    }
}
