import Domain
import Fluent
import Vapor

/// `GET /api/v1/areas/{code}`: an area inside the caller's scope with its children and their counts.
struct AreaAPIController {
    func show(_ request: Request) async throws -> API.AreaDetail {
        let user = try request.requireUser()
        let raw = request.parameters.get("code") ?? ""
        guard let code = AreaCode(raw), user.scope.includes(code),
            let area = try await AreaDirectory.area(raw, on: request.db),
            let level = area.areaLevel
        else { throw AppError.areaNotFound }
        let counts = try await AreaDirectory.counts(of: code, level: level, scope: user.scope, on: request.reportDB)
        let children = try await AreaDirectory.children(of: raw, on: request.db)
        return API.AreaDetail(
            area: API.AreaItem(area, counts: counts.totals),
            children: children.map { API.AreaItem($0, counts: counts.children[$0.code] ?? HouseholdCounts()) }
        )
    }
}
