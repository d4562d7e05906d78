import SQLKit
import Vapor

/// `GET /healthz`: 200 when the database answers a query, 503 otherwise.
struct HealthController {
    func show(_ request: Request) async throws -> Response {
        do {
            try await DatabaseHealthStore.check(request.db)
            return Response(status: .ok, body: .init(string: "ok"))
        } catch {
            request.logger.error("health check failed: \(String(reflecting: error))")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
        }
    }
}
