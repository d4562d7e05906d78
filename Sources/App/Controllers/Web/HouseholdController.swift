import Domain
import Fluent
import Vapor

/// 农户查询与详情 (web)
struct HouseholdController {
    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let (rows, total) = try await search.run(scope: user.scope, on: request.db)
        let names = try await AreaDirectory.names(of: Array(Set(rows.map(\.villageCode))), on: request.db)
        return .html(HouseholdListPage.render(.init(user: user, search: search, rows: rows, total: total, areaNames: names)))
    }

    func show(_ request: Request) async throws -> Response {
        let reveal = (try? request.query.get(String.self, at: "reveal")) == "1"
        let model = try await HouseholdPage.query(id: request.parameters.get("id", as: UUID.self), reveal: reveal, on: request)
        return .html(HouseholdPage.render(model))
    }
}
