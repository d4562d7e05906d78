import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Failed sign-ins counted per client address, so that one address guessing at many accounts is slowed down before it
/// can lock them all (each account still locks after `SignIn.maxFailures`). Kept in memory: a restart forgets it,
/// which only gives a guesser a fresh window.
final class LoginThrottle: Sendable {
    static let maxFailures = 20
    static let window: TimeInterval = 15 * 60

    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    /// How long the address must wait, or nil when it may try.
    func wait(for address: String, at now: Date) -> TimeInterval? {
        failures.withLockedValue { all in
            let recent = (all[address] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            all[address] = recent.isEmpty ? nil : recent
            guard recent.count >= Self.maxFailures, let oldest = recent.first else { return nil }
            return Self.window - now.timeIntervalSince(oldest)
        }
    }

    func recordFailure(from address: String, at now: Date) {
        failures.withLockedValue { all in
            all[address, default: []].append(now)
            // Bounded memory: addresses whose window has passed are dropped now and then.
            if all.count > 10_000 { all = all.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } } }
        }
    }
}

extension Application {
    var loginThrottle: LoginThrottle { shared { LoginThrottle() } }
}
