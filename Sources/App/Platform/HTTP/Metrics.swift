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
}
