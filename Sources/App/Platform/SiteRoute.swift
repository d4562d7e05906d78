import Vapor

/// Every path the server answers, as the pattern the route table registers (`:name` marks a parameter). Links are
/// made from the same patterns through `SiteURL`, so a link and the route it reaches cannot drift apart; a test
/// checks that each pattern is registered and that nothing is registered outside this list.
enum SiteRoute: String, CaseIterable, Sendable {
    // platform
    case health = "healthz"
    case metrics = "metrics"
    case home = ""
    case draft = "drafts/:token"

    // accounts
    case login = "login"
    case logout = "logout"
    case users = "admin/users"
    case userNew = "admin/users/new"
    case user = "admin/users/:id"
    case userUnlock = "admin/users/:id/unlock"

    // audit
    case audit = "audit"

    // areas
    case areas = "areas"
    case area = "areas/:code"
    case areaNewChild = "areas/:code/new"
    case areaChildren = "areas/:code/children"
    case areaEdit = "areas/:code/edit"

    // registry
    case households = "households"
    case householdExport = "households/export"
    case household = "households/:id"
    case householdEdit = "households/:id/edit"
    case memberNew = "households/:id/members/new"
    case members = "households/:id/members"
    case member = "members/:id"
    case memberEdit = "members/:id/edit"
    case memberDeparture = "members/:id/depart"
    case incomeNew = "households/:id/incomes/new"
    case incomes = "households/:id/incomes"
    case guaranteeNew = "households/:id/guarantees/new"
    case guarantees = "households/:id/guarantees"
    case visitNew = "households/:id/visits/new"
    case visits = "households/:id/visits"
    case contact = "households/:id/contact"
    case dataQuality = "registry/quality"
    case imports = "registry/imports"
    case importBatch = "registry/imports/:id"
    case importCommit = "registry/imports/:id/commit"
    case importProblems = "registry/imports/:id/problems.csv"

    // discovery
    case leadNew = "households/:id/leads/new"
    case householdLeads = "households/:id/leads"
    case leads = "leads"
    case leadExport = "leads/export"
    case leadWarning = "leads/warning"
    case lead = "leads/:id"
    case leadActions = "leads/:id/actions"
    case screening = "screening"
    case screeningRuns = "screening/runs"
    case screeningRun = "screening/runs/:id"
    case screeningDryRun = "screening/dry-run"
    case screeningRules = "screening/rules"
    case screeningRuleWithdrawal = "screening/rules/:id/withdraw"
    case screeningRuleEnd = "screening/rules/:id/end"
    case departments = "departments"
    case departmentBatches = "departments/batches"
    case departmentBatch = "departments/batches/:id"
    case departmentTemplate = "departments/templates/:kind"
    case departmentCadences = "departments/cadences"

    // policy
    case policy = "admin/policy"
    case policyMonitoringLines = "admin/policy/monitoring-lines"
    case policyLeadDeadlines = "admin/policy/lead-deadlines"
    // one end route per parameter: a `:parameter` segment beside the constant ones would never be reached (the
    // router takes a matching constant and does not come back)
    case policyMonitoringLineEnd = "admin/policy/monitoring-lines/:id/end"
    case policyLeadDeadlineEnd = "admin/policy/lead-deadlines/:id/end"

    // the JSON API
    case apiOpenAPI = "api/v1/openapi.json"
    case apiToken = "api/v1/auth/token"
    case apiMe = "api/v1/me"
    case apiHouseholds = "api/v1/households"
    case apiHousehold = "api/v1/households/:id"
    case apiHouseholdExport = "api/v1/households/export"
    case apiIncomes = "api/v1/households/:id/incomes"
    case apiVisits = "api/v1/households/:id/visits"
    case apiGuarantees = "api/v1/households/:id/guarantees"
    case apiArea = "api/v1/areas/:code"
    case apiImports = "api/v1/registry/imports"
    case apiImportBatch = "api/v1/registry/imports/:id"
    case apiImportCommit = "api/v1/registry/imports/:id/commit"
    case apiDataQuality = "api/v1/registry/quality"
    case apiDepartmentEvents = "api/v1/departments/events"
    case apiLeads = "api/v1/leads"
    case apiLead = "api/v1/leads/:id"
    case apiLeadActions = "api/v1/leads/:id/actions"
    case apiScreeningRules = "api/v1/screening/rules"
    case apiScreeningRuleWithdrawal = "api/v1/screening/rules/:id/withdraw"
    case apiScreeningRuleEnd = "api/v1/screening/rules/:id/end"
    case apiScreeningDryRuns = "api/v1/screening/dry-runs"
    case apiScreeningRuns = "api/v1/screening/runs"
    case apiScreeningRun = "api/v1/screening/runs/:id"
    case apiPolicyRows = "api/v1/policy/:parameter"
    case apiPolicyMonitoringLines = "api/v1/policy/monitoring-lines"
    case apiPolicyLeadDeadlines = "api/v1/policy/lead-deadlines"
    case apiPolicyMonitoringLineEnd = "api/v1/policy/monitoring-lines/:id/end"
    case apiPolicyLeadDeadlineEnd = "api/v1/policy/lead-deadlines/:id/end"

    /// The pattern as the router takes it.
    var pathComponents: [PathComponent] {
        rawValue.isEmpty ? [] : rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The names of the pattern's parameters, in order.
    var parameterNames: [String] {
        rawValue.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// The absolute path with each parameter filled in order by `values`.
    func path(_ values: String...) -> String { path(filling: values) }

    /// The absolute path with each parameter filled in order by `values`.
    func path(filling values: [String]) -> String {
        precondition(values.count == parameterNames.count, "\(self) takes \(parameterNames.count) values")
        var remaining = values[...]
        let segments = rawValue.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return value
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The absolute path for a record's id.
    func path(_ id: UUID) -> String { path(id.uuidString.lowercased()) }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        get(route.pathComponents, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        post(route.pathComponents, use: handler)
    }

    /// A POST whose body may be a file of up to `maximumSize` (uploads).
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, maximumSize: ByteCount,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.pathComponents, body: .collect(maxSize: maximumSize), use: handler)
    }
}
