import Domain
import Fluent
import SQLKit
import Vapor

/// Counts of households and people inside a scope, in one set-based pass over the registry.
struct HouseholdCounts: Sendable, Equatable {
    var households = 0
    var people = 0
    var alleviated = 0
    var monitored = 0

    static func + (left: HouseholdCounts, right: HouseholdCounts) -> HouseholdCounts {
        HouseholdCounts(
            households: left.households + right.households, people: left.people + right.people,
            alleviated: left.alleviated + right.alleviated, monitored: left.monitored + right.monitored)
    }
}

/// Household counts of a scope, read by grouped SQL over `households`.
enum HouseholdStatisticsStore {
    private struct Row: Decodable {
        let key: String?
        let households: Int
        let people: Int?
        let alleviated: Int?
        let monitored: Int?

        var counts: HouseholdCounts {
            HouseholdCounts(
                households: households, people: people ?? 0, alleviated: alleviated ?? 0, monitored: monitored ?? 0)
        }
    }

    /// Totals for the whole scope.
    static func totals(in scope: AccessScope, on database: any Database) async throws -> HouseholdCounts {
        let rows = try await select(groupedBy: nil, in: scope, on: database)
        return rows.first?.counts ?? HouseholdCounts()
    }

    /// Totals per child area: per code prefix of `digits` characters of the village code, or per group or grid.
    static func breakdown(
        by grouping: Grouping, in scope: AccessScope, on database: any Database
    ) async throws -> [String: HouseholdCounts] {
        let rows = try await select(groupedBy: grouping, in: scope, on: database)
        var result: [String: HouseholdCounts] = [:]
        for row in rows {
            guard let key = row.key else { continue }
            result[key] = row.counts
        }
        return result
    }

    enum Grouping {
        case villageCodePrefix(digits: Int)
        case group
        case grid
    }

    private static func select(
        groupedBy grouping: Grouping?, in scope: AccessScope, on database: any Database
    ) async throws -> [Row] {
        guard let sql = database as? any SQLDatabase else { return [] }
        let key: any SQLExpression
        switch grouping {
        case nil: key = SQLLiteral.null
        case let .villageCodePrefix(digits):
            key = SQLFunction(
                "substr", args: SQLColumn("village_code"), SQLLiteral.numeric("1"), SQLLiteral.numeric("\(digits)"))
        case .group: key = SQLColumn("group_code")
        case .grid: key = SQLColumn("grid_code")
        }
        var query = sql.select()
            .column(key, as: "key")
            .column(SQLFunction("count", args: SQLLiteral.all), as: "households")
            .column(bigint(SQLFunction("sum", args: SQLColumn("member_count"))), as: "people")
            .column(
                bigint(SQLFunction("sum", args: caseWhen("household_type", HouseholdType.povertyAlleviated.rawValue))),
                as: "alleviated"
            )
            .column(
                bigint(
                    SQLFunction(
                        "sum", args: caseWhen("monitoring_status", HouseholdMonitoringStatus.monitored.rawValue))),
                as: "monitored"
            )
            .from(Household.schema)
            .where(scope.householdPredicate())
        if grouping != nil { query = query.groupBy(key) }
        return try await query.all(decoding: Row.self)
    }

    /// PostgreSQL sums BIGINT columns as NUMERIC; both engines agree once the sum is cast back.
    private static func bigint(_ expression: any SQLExpression) -> any SQLExpression {
        let cast: SQLQueryString = "CAST(\(expression) AS BIGINT)"
        return cast
    }

    private static func caseWhen(_ column: String, _ value: String) -> any SQLExpression {
        let expression: SQLQueryString = "CASE WHEN \(ident: column) = \(bind: value) THEN 1 ELSE 0 END"
        return expression
    }
}
