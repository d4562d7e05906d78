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
        return .html(
            HouseholdListPage.render(.init(user: user, search: search, rows: rows, total: total, areaNames: names)))
    }

    func show(_ request: Request) async throws -> Response {
        let reveal = (try? request.query.get(String.self, at: "reveal")) == "1"
        let model = try await HouseholdPage.query(
            id: request.parameters.get("id", as: UUID.self), reveal: reveal, on: request)
        return .html(HouseholdPage.render(model, notice: Self.notice(request)))
    }

    /// The confirmation after a save that came back to this page (`?saved=visit&leads=2`); fixed texts only.
    static func notice(_ request: Request) -> String? {
        switch try? request.query.get(String.self, at: "saved") {
        case "visit":
            let leads = (try? request.query.get(Int.self, at: "leads")) ?? 0
            return leads > 0 ? "走访已保存，已生成线索：报告的 \(leads) 项风险已记入风险线索（见下方“风险线索”），将按时限核实。" : "走访已保存。"
        case "income": return "收支已保存。"
        default: return nil
        }
    }
}
