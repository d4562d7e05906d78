import Domain
import Fluent
import SQLKit
import Vapor

/// 数据质量核查: the registry checks of POLICY §10 over every household of the area (or a sub-area), by rule, each
/// finding linking to its household.
struct DataQualityController {
    struct Finding {
        let householdID: UUID
        let householdNumber: String
        let headName: String
        let finding: DataQualityFinding
    }

    /// What the page and the API show: findings counted by rule over the whole scope, and the first findings of the
    /// rule asked for (of every rule when none is), in household number order.
    struct Report {
        var counts: [DataQualityRule: Int] = [:]
        var findings: [Finding] = []
        /// How many findings the rule asked for has in all (every finding when none is).
        var total = 0
    }

    static let shownFindings = 500
    /// Households checked per step, with their members.
    static let householdsPerBatch = 2_000

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.role.canReadDataQuality else { throw Abort(.forbidden, reason: "您的角色不能查看数据质量核查。") }
        var scope = user.scope
        if let raw = try? request.query.get(String.self, at: "area"), !raw.isEmpty {
            guard let code = AreaCode(raw), scope.includes(code) else { throw Abort(.notFound, reason: "未找到该区划，或不在您的管辖范围内。") }
            scope = scope.narrowed(to: code)
        }
        let rule = (try? request.query.get(String.self, at: "rule")).flatMap(DataQualityRule.init(rawValue:))
        let report = try await Self.report(in: scope, rule: rule, keeping: Self.shownFindings, today: request.today, on: request.reportDB)
        let areaName = try await AreaDirectory.area(scope.root.value, on: request.db)?.name ?? scope.root.value
        return .html(DataQualityPage.render(user: user, areaName: areaName, areaCode: scope.root.value, counts: report.counts, rule: rule,
                                            findings: report.findings, total: report.total))
    }

    /// Checks every household of the scope a batch at a time, so memory holds one batch, the identity numbers
    /// registered more than once and the findings kept, however large the area.
    static func report(in scope: AccessScope, rule: DataQualityRule?, keeping limit: Int, today: CivilDate,
                       batchSize: Int = householdsPerBatch, on database: any Database) async throws -> Report {
        let repeated = try await repeatedIdentityNumbers(in: scope, on: database)
        var report = Report()
        var after: String?
        while true {
            let position: SQLQueryString = after.map { "AND household_number > \(bind: $0)" } ?? ""
            let households = try await database.plainRows(Household.self, """
                WHERE \(scope.householdPredicate()) \(position) ORDER BY household_number LIMIT \(literal: batchSize)
                """)
            let members = try await MemberRow.present(inHouseholds: households.compactMap(\.id), on: database)
            for household in households {
                guard let id = household.id, let fields = household.registryFields else { continue }
                let snapshot = HouseholdSnapshot(fields: fields, recordedMemberCount: household.memberCount,
                                                 members: (members[id] ?? []).compactMap(\.record))
                for finding in DataQualityCheck.findings(in: snapshot, today: today, duplicates: repeated) {
                    report.counts[finding.rule, default: 0] += 1
                    guard rule == nil || finding.rule == rule else { continue }
                    report.total += 1
                    if report.findings.count < limit {
                        report.findings.append(Finding(householdID: id, householdNumber: household.householdNumber,
                                                       headName: household.headName, finding: finding))
                    }
                }
            }
            guard households.count == batchSize, let last = households.last else { return report }
            after = last.householdNumber
        }
    }

    /// The identity numbers of present members registered more than once in the scope, each with the household
    /// numbers it is in, in household number order (a household twice when the number is twice in it): a number in
    /// two households cannot be seen from either alone. Found by the database, so only the repeats come back.
    static func repeatedIdentityNumbers(in scope: AccessScope, on database: any Database) async throws -> [String: [String]] {
        struct Row: Decodable { let id_number: String; let household_number: String }
        let inScope: SQLQueryString = """
            FROM members JOIN households ON households.id = members.household_id
            WHERE members.departed_on IS NULL AND \(scope.householdPredicate())
            """
        let rows = try await database.sql.raw("""
            SELECT members.id_number, households.household_number \(inScope) AND members.id_number IN
                (SELECT members.id_number \(inScope) GROUP BY members.id_number HAVING COUNT(*) > 1)
            ORDER BY households.household_number, members.id_number
            """).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.id_number).mapValues { $0.map(\.household_number) }
    }
}
