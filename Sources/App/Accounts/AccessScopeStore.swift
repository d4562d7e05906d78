import Domain
import Fluent
import SQLKit

/// The access scope as SQL: the conditions set-based and plain-row queries add so they read only what the signed-in
/// user's area holds. The same rules as the Fluent restrictions of `AreaScoped` (Scoping.swift).
extension AccessScope {
    /// The scope as a SQL condition on a table with household area columns, for set-based queries that Fluent
    /// cannot express (grouped counts). The same rule as `Household.restrict`.
    func householdPredicate(table: String = Household.schema) -> any SQLExpression {
        let column = { (name: String) in SQLColumn(name, table: table) }
        switch householdFilter {
        case .everything:
            return SQLLiteral.boolean(true)
        case let .villageCodes(lower, upper):
            return SQLBinaryExpression(
                SQLBinaryExpression(column("village_code"), .greaterThanOrEqual, SQLBind(lower)),
                .and,
                SQLBinaryExpression(column("village_code"), .lessThanOrEqual, SQLBind(upper))
            )
        case let .group(code):
            return SQLBinaryExpression(column("group_code"), .equal, SQLBind(code))
        case let .grid(code):
            return SQLBinaryExpression(column("grid_code"), .equal, SQLBind(code))
        }
    }

    /// The scope as a SQL condition on `risk_leads`, for the plain-row ledger: the same rule as `RiskLead.restrict`
    /// (the village range on the lead's own copy of the code; group and grid users through their households).
    func leadPredicate() -> SQLQueryString {
        switch householdFilter {
        case .everything:
            return "1 = 1"
        case let .villageCodes(lower, upper):
            return "risk_leads.village_code >= \(bind: lower) AND risk_leads.village_code <= \(bind: upper)"
        case .group, .grid:
            return "risk_leads.household_id IN (SELECT households.id FROM households WHERE \(householdPredicate()))"
        }
    }
}
