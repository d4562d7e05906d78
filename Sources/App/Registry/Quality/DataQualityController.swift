import Domain
import Fluent
import SQLKit
import Vapor

/// 数据质量核查: the registry checks of POLICY §10 over every household of the area (or a sub-area), by rule, each
/// finding linking to its household.
struct DataQualityController {
    static let shownFindings = 500
    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let scope = try DataQualityService.reportScope(for: user, area: try? request.query.get(String.self, at: "area"))
        let rule = (try? request.query.get(String.self, at: "rule")).flatMap(DataQualityRule.init(rawValue:))
        let report = try await DataQualityService.report(
            in: scope, rule: rule, keeping: Self.shownFindings, today: request.today, on: request.db)
        let areaName = try await AreaDirectory.area(scope.root.value, on: request.db)?.name ?? scope.root.value
        return .html(
            DataQualityPage.render(
                user: user, areaName: areaName, areaCode: scope.root.value, counts: report.counts, rule: rule,
                findings: report.findings, total: report.total))
    }
}
