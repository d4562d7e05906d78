import Domain
import Fluent
import Vapor

extension Request {
    /// The household named in the path, inside the user's scope, for a user whose role holds `permission`. The
    /// permission is checked first, as the route table does: a role that may not act learns nothing of the household.
    func household(for permission: Permission) async throws -> (CurrentUser, Household) {
        let user = try requireUser(holding: permission)
        let household = try await scoped(Household.self).find(parameters.get("id", as: UUID.self))
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
