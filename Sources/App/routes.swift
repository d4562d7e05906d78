import Fluent
import SQLKit
import Vapor

/// The one route table, grouped by who may reach each part.
func routes(_ app: Application) throws {
    app.get("healthz", use: health)
    app.get("metrics") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: MetricsRegistry.render()))
    }

    let login = LoginController()
    app.get("login", use: login.show)
    app.post("login", use: login.login)

    let web = app.grouped(RequireUser())
    web.post("logout", use: login.logout)
    web.get { request async throws -> Response in
        let model = try await HomePage.query(for: try request.requireUser(), now: request.now, on: request.reportDB)
        return .html(HomePage.render(model))
    }

    let areas = AreaController()
    web.get("areas", use: areas.index)
    web.get("areas", ":code", use: areas.show)
    web.get("areas", ":code", "new", use: areas.newChild)
    web.post("areas", ":code", "children", use: areas.createChild)
    web.get("areas", ":code", "edit", use: areas.edit)
    web.post("areas", ":code", use: areas.update)

    let households = HouseholdController()
    web.get("households", use: households.index)
    web.get("households", "export", use: RegistryExportController().export)
    web.get("households", ":id", use: households.show)
    let registry = RegistryEditController()
    web.get("households", ":id", "edit", use: registry.editHousehold)
    web.post("households", ":id", use: registry.updateHousehold)
    web.get("households", ":id", "members", "new", use: registry.newMember)
    web.post("households", ":id", "members", use: registry.createMember)
    web.get("members", ":id", "edit", use: registry.editMember)
    web.post("members", ":id", use: registry.updateMember)
    web.get("members", ":id", "depart", use: registry.departForm)
    web.post("members", ":id", "depart", use: registry.depart)
    let incomes = IncomeController()
    web.get("households", ":id", "incomes", "new", use: incomes.new)
    web.post("households", ":id", "incomes", use: incomes.create)
    let guarantees = GuaranteeController()
    web.get("households", ":id", "guarantees", "new", use: guarantees.new)
    web.post("households", ":id", "guarantees", use: guarantees.create)
    let visits = VisitController()
    web.get("households", ":id", "visits", "new", use: visits.new)
    web.post("households", ":id", "visits", use: visits.create)
    web.post("households", ":id", "contact", use: ContactController().assign)

    let users = UserAdminController()
    web.get("admin", "users", use: users.index)
    web.get("admin", "users", "new", use: users.new)
    web.post("admin", "users", use: users.create)
    web.get("admin", "users", ":id", use: users.edit)
    web.post("admin", "users", ":id", use: users.update)
    web.post("admin", "users", ":id", "unlock", use: users.unlock)

    web.get("audit", use: AuditController().index)
    web.get("drafts", ":token", use: FormDrafts.show)

    web.get("registry", "quality", use: DataQualityController().index)

    let leadEntry = LeadEntryController()
    web.get("households", ":id", "leads", "new", use: leadEntry.new)
    web.post("households", ":id", "leads", use: leadEntry.create)
    let leads = LeadController()
    web.get("leads", use: leads.index)
    let leadExport = LeadExportController()
    web.get("leads", "export", use: leadExport.export)
    web.get("leads", "warning", use: leadExport.warning)
    web.get("leads", ":id", use: leads.show)
    web.post("leads", ":id", "actions", use: leads.act)

    let screening = ScreeningController()
    web.get("screening", use: screening.index)
    web.post("screening", "runs", use: screening.run)
    web.get("screening", "runs", ":id", use: screening.showRun)
    web.post("screening", "dry-run", use: screening.dryRun)
    web.post("screening", "rules", use: screening.adopt)
    web.post("screening", "rules", ":id", "withdraw", use: screening.withdraw)
    web.post("screening", "rules", ":id", "end", use: screening.end)

    let policy = PolicyController()
    web.get("admin", "policy", use: policy.index)
    web.post("admin", "policy", "monitoring-lines", use: policy.addMonitoringLine)
    web.post("admin", "policy", "lead-deadlines", use: policy.addLeadPolicy)
    web.post("admin", "policy", ":parameter", ":id", "end", use: policy.endRow)

    let departments = DepartmentController()
    web.get("departments", use: departments.index)
    web.on(.POST, "departments", "batches", body: .collect(maxSize: "64mb"), use: departments.upload)
    web.get("departments", "batches", ":id", use: departments.batch)
    web.get("departments", "templates", ":kind", use: departments.template)
    web.post("departments", "cadences", use: departments.setCadence)

    let imports = ImportController()
    web.get("registry", "imports", use: imports.index)
    web.on(.POST, "registry", "imports", body: .collect(maxSize: "64mb"), use: imports.upload)
    web.get("registry", "imports", ":id", use: imports.show)
    web.post("registry", "imports", ":id", "commit", use: imports.commit)
    web.get("registry", "imports", ":id", "problems.csv", use: imports.problems)

    let api = app.grouped("api", "v1")
    api.get("openapi.json") { _ in try OpenAPIDocument.response() }
    let auth = AuthAPIController()
    api.post("auth", "token", use: auth.token)
    let signedIn = api.grouped(RequireUser())
    signedIn.get("me", use: auth.me)
    let householdAPI = HouseholdAPIController()
    signedIn.get("households", use: householdAPI.index)
    signedIn.get("households", ":id", use: householdAPI.show)
    signedIn.get("areas", ":code", use: AreaAPIController().show)
    let registryAPI = RegistryAPIController()
    signedIn.get("households", "export", use: RegistryExportController().export)
    signedIn.post("households", ":id", "incomes", use: registryAPI.income)
    signedIn.post("households", ":id", "visits", use: registryAPI.visit)
    signedIn.post("households", ":id", "guarantees", use: registryAPI.guarantee)
    signedIn.on(.POST, "registry", "imports", body: .collect(maxSize: "64mb"), use: registryAPI.upload)
    signedIn.get("registry", "imports", ":id", use: registryAPI.show)
    signedIn.post("registry", "imports", ":id", "commit", use: registryAPI.commit)
    signedIn.get("registry", "quality", use: registryAPI.quality)
    let discoveryAPI = DiscoveryAPIController()
    signedIn.on(.POST, "departments", "events", body: .collect(maxSize: "64mb"), use: discoveryAPI.push)
    signedIn.get("leads", use: discoveryAPI.leads)
    signedIn.get("leads", ":id", use: discoveryAPI.lead)
    signedIn.post("leads", ":id", "actions", use: discoveryAPI.act)
    let screeningAPI = ScreeningAPIController()
    signedIn.get("screening", "rules", use: screeningAPI.rules)
    signedIn.post("screening", "rules", use: screeningAPI.adopt)
    signedIn.post("screening", "rules", ":id", "withdraw", use: screeningAPI.withdraw)
    signedIn.post("screening", "rules", ":id", "end", use: screeningAPI.end)
    signedIn.post("screening", "dry-runs", use: screeningAPI.dryRun)
    signedIn.post("screening", "runs", use: screeningAPI.run)
    signedIn.get("screening", "runs", ":id", use: screeningAPI.showRun)
    let policyAPI = PolicyAPIController()
    signedIn.get("policy", ":parameter", use: policyAPI.rows)
    signedIn.post("policy", "monitoring-lines", use: policyAPI.addMonitoringLine)
    signedIn.post("policy", "lead-deadlines", use: policyAPI.addLeadPolicy)
    signedIn.post("policy", ":parameter", ":id", "end", use: policyAPI.endRow)
}

/// 200 when the database answers a query, 503 otherwise.
@Sendable
func health(_ request: Request) async throws -> Response {
    do {
        guard let sql = request.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
        try await sql.raw("SELECT 1").run()
        return Response(status: .ok, body: .init(string: "ok"))
    } catch {
        request.logger.error("health check failed: \(String(reflecting: error))")
        return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
    }
}
