import Domain
import Fluent
import Foundation

extension HouseholdStore {
    /// Narrows `query` to the households whose head's name, or any member's (inside `scope`), begins with `prefix`;
    /// LIKE's wildcards are taken out of the prefix first, so it matches only as written.
    static func filter(
        _ query: QueryBuilder<Household>, namesBeginningWith prefix: String, in scope: AccessScope,
        on database: any Database
    ) async throws -> QueryBuilder<Household> {
        let pattern = prefix.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
        let memberHouseholds = try await Member.restrict(Member.query(on: database), to: scope)
            .filter(\.$name, .custom("LIKE"), pattern + "%").limit(5000).all(\.$household.$id)
        return query.group(.or) { either in
            either.filter(\.$headName, .custom("LIKE"), pattern + "%").filter(\.$id ~~ memberHouseholds)
        }
    }
}
