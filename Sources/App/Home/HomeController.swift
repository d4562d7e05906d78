import Vapor

/// `GET /`: the signed-in user's home page, counted on the report database.
struct HomeController {
    func show(_ request: Request) async throws -> Response {
        let model = try await HomePage.query(for: try request.requireUser(), now: request.now, on: request.reportDB)
        return .html(HomePage.render(model))
    }
}
