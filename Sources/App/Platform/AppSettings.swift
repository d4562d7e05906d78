import Foundation
import Vapor

/// Everything the server reads from its environment, read once at start.
///
/// A missing or malformed production setting stops the start with an error naming it, so a misconfigured
/// deployment never runs half-working.
public struct AppSettings: Sendable {
    public enum Storage: Sendable, Equatable {
        /// An embedded SQLite file.
        case sqlite(path: String)
        /// PostgreSQL, with an optional read replica for dashboards and reports.
        case postgres(url: String, readURL: String?, searchPath: [String]?)
    }

    public var storage: Storage
    /// Where the SQLite file, uploads and exports live (`SHOUWANG_DATA_DIR`, default `./data`).
    public var dataDirectory: String
    /// Whether session cookies carry the `Secure` attribute. On by default; the demo on plain loopback HTTP turns it off.
    public var secureCookies: Bool
    /// How long a web session lasts without use.
    public var sessionIdleTimeout: TimeInterval
    /// How long a web session lasts at most, however busy: a stolen cookie stops working after it, and so does a
    /// browser left signed in on a shared computer (`SHOUWANG_SESSION_MAX_HOURS`, default 12).
    public var sessionAbsoluteLifetime: TimeInterval = 12 * 3600
    /// How long an API token lasts.
    public var apiTokenLifetime: TimeInterval
    /// The bearer token the monitoring system sends to read `/metrics` (`SHOUWANG_METRICS_TOKEN`); without one,
    /// `/metrics` answers the loopback only.
    public var metricsToken: String?
    /// bcrypt work factor for new password hashes; tests lower it to stay fast.
    public var bcryptCost: Int
    /// Hour of the day (China time) of the daily screening run; nil switches it off (`SHOUWANG_SCREENING_HOUR`, default 2).
    public var dailyScreeningHour: Int?

    public init(
        storage: Storage,
        dataDirectory: String,
        secureCookies: Bool = true,
        sessionIdleTimeout: TimeInterval = 8 * 3600,
        apiTokenLifetime: TimeInterval = 24 * 3600,
        bcryptCost: Int = 12
    ) {
        self.storage = storage
        self.dataDirectory = dataDirectory
        self.secureCookies = secureCookies
        self.sessionIdleTimeout = sessionIdleTimeout
        self.apiTokenLifetime = apiTokenLifetime
        self.bcryptCost = bcryptCost
        self.dailyScreeningHour = 2
    }

    public struct ConfigurationError: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String { "Invalid configuration:\n- " + problems.joined(separator: "\n- ") }
    }

    /// Reads the settings from environment variables.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppSettings {
        var problems: [String] = []
        let dataDirectory = environment["SHOUWANG_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let storage: Storage
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
                problems.append("DATABASE_URL must start with postgres:// (got \(url.prefix(12))…)")
            }
            let readURL = environment["DATABASE_READ_URL"].flatMap { $0.isEmpty ? nil : $0 }
            storage = .postgres(url: url, readURL: readURL, searchPath: nil)
        } else {
            storage = .sqlite(path: dataDirectory + "/shouwang.sqlite")
        }
        let secure: Bool
        switch environment["SHOUWANG_SECURE_COOKIES"]?.lowercased() {
        case nil, "", "1", "true", "yes": secure = true
        case "0", "false", "no": secure = false
        case let other?:
            problems.append("SHOUWANG_SECURE_COOKIES must be true or false (got \(other))")
            secure = true
        }
        var idle: TimeInterval = 8 * 3600
        if let raw = environment["SHOUWANG_SESSION_HOURS"], !raw.isEmpty {
            if let hours = Double(raw), hours > 0 {
                idle = hours * 3600
            } else {
                problems.append("SHOUWANG_SESSION_HOURS must be a positive number (got \(raw))")
            }
        }
        var absolute: TimeInterval = 12 * 3600
        if let raw = environment["SHOUWANG_SESSION_MAX_HOURS"], !raw.isEmpty {
            if let hours = Double(raw), hours > 0 {
                absolute = hours * 3600
            } else {
                problems.append("SHOUWANG_SESSION_MAX_HOURS must be a positive number (got \(raw))")
            }
        }
        let metricsToken = environment["SHOUWANG_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.count < 16 {
            problems.append("SHOUWANG_METRICS_TOKEN must be at least 16 characters")
        }
        var screeningHour: Int? = 2
        switch environment["SHOUWANG_SCREENING_HOUR"]?.lowercased() {
        case nil, "": break
        case "off": screeningHour = nil
        case let raw?:
            if let hour = Int(raw), (0...23).contains(hour) {
                screeningHour = hour
            } else {
                problems.append("SHOUWANG_SCREENING_HOUR must be 0–23 or off (got \(raw))")
            }
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        var settings = AppSettings(
            storage: storage, dataDirectory: dataDirectory, secureCookies: secure, sessionIdleTimeout: idle)
        settings.dailyScreeningHour = screeningHour
        settings.sessionAbsoluteLifetime = absolute
        settings.metricsToken = metricsToken
        return settings
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    /// The settings the application was configured with.
    public var settings: AppSettings {
        get {
            guard let settings = storage[SettingsKey.self] else {
                fatalError("configure(_:settings:) must run before settings are read")
            }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
