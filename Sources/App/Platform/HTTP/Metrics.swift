import CoreMetrics
import Foundation
import Prometheus
import Vapor

/// The process-wide Prometheus registry behind `GET /metrics`.
///
/// swift-metrics can be bootstrapped once per process, while tests build many applications, so the bootstrap is
/// guarded here rather than done in `configure`.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func bootstrapOnce() { _ = shared }

    static func render() -> String { shared.emitToString() }

    /// `GET /metrics` in the Prometheus text format, for the monitoring system only: with `SHOUWANG_METRICS_TOKEN`
    /// set, to a request bearing that token; without it, to a request from the machine itself (loopback). Anyone
    /// else finds nothing there, so the figures (request rates, timings, counts) do not leak to the network.
    @Sendable
    static func response(_ request: Request) throws -> Response {
        guard mayRead(request) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: render()))
    }

    /// Whether the request may read the metrics (see `response`).
    static func mayRead(_ request: Request) -> Bool {
        if let token = request.application.settings.metricsToken {
            guard let sent = request.headers.bearerAuthorization?.token else { return false }
            return TokenDigest.hash(sent) == TokenDigest.hash(token)
        }
        guard let address = request.remoteAddress?.ipAddress else { return false }
        return address == "127.0.0.1" || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
