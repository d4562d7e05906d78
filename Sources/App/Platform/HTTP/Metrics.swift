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

    /// `GET /metrics` in the Prometheus text format.
    @Sendable
    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: render()))
    }
}
