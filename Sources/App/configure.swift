import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Sets the application up from its settings: storage, migrations, middleware, routes and commands.
/// Migrations run here, so a started server always has the schema it expects.
public func configure(_ app: Application, settings: AppSettings) async throws {
    app.settings = settings
    MetricsRegistry.bootstrapOnce()

    switch settings.storage {
    case let .sqlite(path):
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // One connection per event loop; a request on a loop waits while a screening run or an import holds it, as
        // long as on PostgreSQL (a county's rebuilt judgements take more than the default 10 s on a busy machine).
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case let .postgres(url, readURL, searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        // A few connections per event loop (the default is one): a screening run or an import holds a connection for
        // as long as it works, and with one per loop every other request on that loop would wait for it.
        app.databases.use(
            .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop,
                connectionPoolTimeout: .seconds(30)), as: .psql)
        if let readURL {
            var replica = try SQLPostgresConfiguration(url: readURL)
            replica.searchPath = searchPath
            app.databases.use(
                .postgres(
                    configuration: replica, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop,
                    connectionPoolTimeout: .seconds(30)), as: .readReplica, isDefault: false)
        }
    }
    app.migrations.addShouwangMigrations()
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.routes.defaultMaxBodySize = "4mb"

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // outside the error middleware, so that error pages carry the headers too
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ShouwangErrorMiddleware())
    app.middleware.use(PublicFiles(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(TokenAuthenticator())
    app.middleware.use(FormProtection())

    app.workingDayCalendar = try CalendarStore.load(resourcesDirectory: app.directory.resourcesDirectory)
    _ = (app.loginThrottle, app.formDrafts)  // made here, before requests run in parallel
    try routes(app)
    app.asyncCommands.use(AreasCommand(), as: "areas")
    app.asyncCommands.use(CreateUserCommand(), as: "create-user")
    app.asyncCommands.use(ScreenCommand(), as: "screen")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(DepartmentImportCommand(), as: "department-import")
    if app.environment != .testing, let hour = settings.dailyScreeningHour {
        app.lifecycle.use(ScreeningSchedule(hour: hour))
    }

    if case let .postgres(_, _, searchPath?) = settings.storage, let schema = searchPath.first {
        try await DatabaseSetup.createSchemaIfMissing(schema, on: app.db)
    }
    try await app.autoMigrate()
    if case .sqlite = settings.storage {
        try await DatabaseSetup.enableWriteAheadLog(on: app.db)
    }
}

extension DatabaseID {
    /// The PostgreSQL read replica for dashboards and reports, when `DATABASE_READ_URL` is set.
    static let readReplica = DatabaseID(string: "read")
}

/// Headers that keep pages from being framed, sniffed or leaking addresses.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
        )
        return response
    }
}

extension Request {
    /// 报表库: where dashboards, statistics and reports read — the read replica when `DATABASE_READ_URL` is set, so
    /// a province's counting never competes with the writes of its field workers; the primary otherwise. Never
    /// write through it: a replica refuses writes.
    var reportDB: any Database {
        if case .postgres(_, readURL: _?, _) = application.settings.storage { return db(.readReplica) }
        return db
    }
}

/// PostgreSQL connections each event loop may open (the server has one loop per core).
private let postgresConnectionsPerEventLoop = 4
