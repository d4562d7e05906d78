import Foundation
import Logging
import NIOConcurrencyHelpers

/// Seconds spent on each step of a long job, for its log line: `mark` closes the step that began at the previous
/// mark (or at creation).
final class StepTimings: Sendable {
    private let steps = NIOLockedValueBox<(last: Date, seconds: [(String, Double)])>((Date(), []))

    func mark(_ step: String) {
        let now = Date()
        steps.withLockedValue { state in
            state.seconds.append((step, now.timeIntervalSince(state.last)))
            state.last = now
        }
    }

    func metadata(rows: Int) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["rows": "\(rows)"]
        for (step, seconds) in steps.withLockedValue({ $0.seconds }) {
            metadata[step] = "\(String(format: "%.3f", seconds))"
        }
        return metadata
    }
}
