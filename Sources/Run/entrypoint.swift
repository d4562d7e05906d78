import App
import Logging
import NIOCore
import NIOPosix
import Vapor

/// `shouwang` — serve, migrate, load areas, create users, or run the demo.
@main
enum Entrypoint {
    static func main() async throws {
        // Swift concurrency runs on NIO's event loops instead of a pool of its own, so a request handler awaiting a
        // query does not hop between two sets of threads at every step; first thing, before anything else is async.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        var settings = try AppSettings.fromEnvironment()
        let demo = try DemoLaunch.parse(&environment, settings: &settings)

        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            if let demo { try await demo.prepare(app) }
            if demo?.prepareOnly != true { try await app.execute() }
        } catch {
            // A failed command ends with its message and status 1, not with a crash report.
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
