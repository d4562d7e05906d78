import Domain
import Fluent
import Foundation
import SQLKit

/// The reads of the data-quality report (`DataQualityService.report`): the kept findings counted and paged, the
/// households they are of, and the identity numbers repeated in an area, which are found live.
extension DataQualityStore {
    /// The kept findings of `scope`, counted per rule.
    static func findingCounts(in scope: AccessScope, on database: any Database) async throws -> [DataQualityRule: Int] {
        struct CountRow: Decodable { let rule: String; let findings: Int }
        var counts: [DataQualityRule: Int] = [:]
        for row in try await database.sql.raw(
            """
            SELECT rule, CAST(SUM(findings) AS BIGINT) AS findings FROM data_quality_findings
            WHERE \(scope.householdPredicate(table: findingsSchema)) GROUP BY rule
            """
        ).all(decoding: CountRow.self) {
            if let kind = DataQualityRule(rawValue: row.rule) { counts[kind] = row.findings }
        }
        return counts
    }

    /// Up to `limit` ids of the households of `scope` with a kept finding of `rule` (of any rule when nil; none for
    /// repeated identity numbers, which are not kept), in household number order, after the household numbered
    /// `after` when given.
    static func householdIDsWithFindings(
        in scope: AccessScope, rule: DataQualityRule?, after: String?, limit: Int,
        on database: any Database
    ) async throws -> [UUID] {
        let sql = try database.sql
        let kept: SQLQueryString =
            rule == .duplicateIdentityNumber ? "1 = 0" : rule.map { "rule = \(bind: $0.rawValue)" } ?? "1 = 1"
        let position: SQLQueryString = after.map { "AND household_number > \(bind: $0)" } ?? ""
        return try await PackedRecords.rows(
            ["household_id"],
            from: """
                (SELECT DISTINCT household_id, household_number FROM data_quality_findings
                 WHERE \(scope.householdPredicate(table: findingsSchema)) AND \(kept) \(position)
                 ORDER BY household_number LIMIT \(literal: limit)) page
                """, sql: sql
        ).compactMap { $0[0].flatMap { Hex.uuid($0.utf8) } }
    }

    /// The households with these ids, in no particular order.
    static func households(withIDs ids: [UUID], on database: any Database) async throws -> [Household] {
        guard !ids.isEmpty else { return [] }
        let sql = try database.sql
        return try await database.plainRows(
            Household.self,
            """
            WHERE \(BoundIDList(ids, sql: sql).contains("id"))
            """)
    }

    /// The households of `scope` with the given numbers, in household number order.
    static func households(
        numbered numbers: Set<String>, in scope: AccessScope, on database: any Database
    ) async throws -> [Household] {
        var households: [Household] = []
        for chunk in Array(numbers).chunked(into: 500) {
            households += try await database.plainRows(
                Household.self,
                """
                WHERE \(scope.householdPredicate()) AND household_number IN (\(binds: chunk))
                """)
        }
        return households.sorted { $0.householdNumber < $1.householdNumber }
    }

    /// The identity numbers of present members registered more than once in the scope, each with the household
    /// numbers it is in, in household number order (a household twice when the number is twice in it): a number in
    /// two households cannot be seen from either alone. Found by the database, so only the repeats come back.
    static func repeatedIdentityNumbers(
        in scope: AccessScope, on database: any Database
    ) async throws -> [String: [String]] {
        struct Row: Decodable { let id_number: String; let household_number: String }
        let inScope: SQLQueryString = """
            FROM members JOIN households ON households.id = members.household_id
            WHERE members.departed_on IS NULL AND \(scope.householdPredicate())
            """
        let rows = try await database.sql.raw(
            """
            SELECT members.id_number, households.household_number \(inScope) AND members.id_number IN
                (SELECT members.id_number \(inScope) GROUP BY members.id_number HAVING COUNT(*) > 1)
            ORDER BY households.household_number, members.id_number
            """
        ).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.id_number).mapValues { $0.map(\.household_number) }
    }
}
