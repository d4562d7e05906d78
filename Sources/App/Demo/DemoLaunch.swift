import Domain
import Foundation
import Vapor

/// `shouwang demo [--hostname H] [--port P] [--households N] [--seed S]`: builds the demo database if the data
/// directory has none, prints where to sign in, then serves exactly as `shouwang serve` would.
public struct DemoLaunch: Sendable {
    var options = DemoBuilder.Options()
    var address = "http://127.0.0.1:8080"
    /// Build (or reuse) the demo database and stop, without serving: for benchmarks and scripted setups.
    public var prepareOnly = false

    /// Recognises the `demo` command, turning the arguments into a `serve` call with the same host and port.
    public static func parse(_ environment: inout Environment, settings: inout AppSettings) throws -> DemoLaunch? {
        var arguments = environment.arguments
        guard arguments.count >= 2, arguments[1] == "demo" else { return nil }
        var launch = DemoLaunch()
        var serve = [arguments[0], "serve"]
        var host = "127.0.0.1", port = "8080"
        var index = 2
        func value() throws -> String {
            guard index + 1 < arguments.count else {
                throw Abort(.badRequest, reason: "\(arguments[index]) needs a value")
            }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--hostname", "-H": host = try value()
            case "--port", "-p": port = try value()
            case "--households":
                guard let count = Int(try value()), (1...2_000_000).contains(count) else {
                    throw Abort(.badRequest, reason: "--households must be 1…2000000")
                }
                launch.options.households = count
            case "--seed":
                guard let seed = UInt64(try value()) else {
                    throw Abort(.badRequest, reason: "--seed must be a whole number")
                }
                launch.options.seed = seed
            case "--prepare-only":
                launch.prepareOnly = true
            case "--county":
                let county = try value()
                guard AreaCode(county)?.level == .county else {
                    throw Abort(.badRequest, reason: "--county must be a 12-digit county code")
                }
                launch.options.countyCode = county
            default:
                throw Abort(
                    .badRequest,
                    reason:
                        "unknown demo option \(arguments[index]); use --hostname, --port, --households, --seed, --county, --prepare-only"
                )
            }
            index += 1
        }
        serve += ["--hostname", host, "--port", port]
        arguments = serve
        environment.arguments = arguments
        launch.address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        // The demo serves plain HTTP on the loopback; a Secure cookie would never be sent back.
        if ProcessInfo.processInfo.environment["SHOUWANG_SECURE_COOKIES"] == nil { settings.secureCookies = false }
        return launch
    }

    public func prepare(_ app: Application) async throws {
        let started = Date()
        if try await DemoBuilder.isBuilt(on: app.db) {
            app.logger.notice("Reusing the demo database in \(app.settings.dataDirectory)")
        } else {
            app.logger.notice("Building the demo county (\(options.households) households)…")
            let summary = try await DemoBuilder.build(options, app: app)
            app.logger.notice(
                "Demo built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: \(summary.villages) villages, \(summary.households) households, \(summary.people) people"
            )
        }
        // The data-quality page reads findings kept current; checking the county once here keeps its first load fast.
        let quality = Date()
        try await DataQualityStore.bringCurrent(today: ChinaTime.civilDate(of: app.clock.now()), on: app.db)
        app.logger.notice(
            "Data-quality findings current in \(String(format: "%.1f", Date().timeIntervalSince(quality))) s")
        guard !prepareOnly else { return }
        print(
            """

            守望 Shouwang demo is starting at \(address)/login
            Accounts (password: \(options.password)):
              admin       系统管理员（四川省）
              supervisor  市/省督导（资阳市）
              county      县级农业农村部门（雁江区）
              town        乡镇审核
              village     村两委
              grid        网格员
              contact     监测联系人
              dept        行业部门（县医疗保障局）

            """)
    }
}
