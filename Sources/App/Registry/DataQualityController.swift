import Domain
import Fluent
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

    static let shownFindings = 500

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.role.canReadDataQuality else { throw Abort(.forbidden, reason: "您的角色不能查看数据质量核查。") }
        var scope = user.scope
        if let raw = try? request.query.get(String.self, at: "area"), !raw.isEmpty {
            guard let code = AreaCode(raw), scope.includes(code) else { throw Abort(.notFound, reason: "未找到该区划，或不在您的管辖范围内。") }
            scope = scope.narrowed(to: code)
        }
        let rule = (try? request.query.get(String.self, at: "rule")).flatMap(DataQualityRule.init(rawValue:))
        let findings = try await Self.findings(in: scope, today: request.today, on: request.reportDB)
        let counts = Dictionary(grouping: findings, by: \.finding.rule).mapValues(\.count)
        let shown = findings.filter { rule == nil || $0.finding.rule == rule }
        let areaName = try await AreaDirectory.area(scope.root.value, on: request.db)?.name ?? scope.root.value
        return .html(DataQualityPage.render(user: user, areaName: areaName, areaCode: scope.root.value, counts: counts, rule: rule,
                                            findings: Array(shown.prefix(Self.shownFindings)), total: shown.count))
    }

    /// Every finding in the scope, members loaded in batches alongside their households.
    static func findings(in scope: AccessScope, today: CivilDate, on database: any Database) async throws -> [Finding] {
        let households = try await Household.restrict(Household.query(on: database), to: scope).sort(\.$householdNumber).all()
        var snapshots: [(Household, HouseholdSnapshot)] = []
        snapshots.reserveCapacity(households.count)
        for chunk in households.chunked(into: 5_000) {
            let byHousehold = try await MemberRow.present(inHouseholds: chunk.compactMap(\.id), on: database)
            for household in chunk {
                guard let id = household.id, let fields = household.registryFields else { continue }
                let records = (byHousehold[id] ?? []).compactMap(\.record)
                snapshots.append((household, HouseholdSnapshot(fields: fields, recordedMemberCount: household.memberCount, members: records)))
            }
        }
        let byNumber = DataQualityCheck.findings(in: snapshots.map(\.1), today: today)
        return snapshots.flatMap { household, snapshot in
            (byNumber[snapshot.fields.number] ?? []).compactMap { finding in
                household.id.map { Finding(householdID: $0, householdNumber: household.householdNumber, headName: household.headName, finding: finding) }
            }
        }
    }
}
