@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

/// The authorization matrix (权限矩阵): every registered route is tried as nobody, and as every role both from inside
/// the area its records belong to and from a neighbouring area of the same level, against `AuthorizationMatrix.table`.
/// A route without a row fails the test, so every new route arrives with its row.
@Suite("Authorization matrix: every route, every role, inside and outside its area")
struct AuthorizationMatrixTests {
    @Test("every registered route has a row in the matrix, and every row a route")
    func everyRouteHasARow() async throws {
        try await withDemoApp(households: 1) { app in
            let registered = Set(app.routes.all.map { AuthorizationMatrix.key($0.method, $0.path.string) })
            let listed = Set(AuthorizationMatrix.table.keys)
            #expect(
                registered.subtracting(listed).isEmpty,
                "routes without a row: \(registered.subtracting(listed).sorted())")
            #expect(
                listed.subtracting(registered).isEmpty,
                "rows without a route: \(listed.subtracting(registered).sorted())")
        }
    }

    @Test("each route answers each role as its row says, and outside the area gives nothing away")
    func everyRoleEveryRoute() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let fixture = try await MatrixFixture.make(app)
            var callers: [MatrixCaller] = [.anonymous]
            for role in Role.allCases {
                callers.append(try await .signedIn(role, inside: true, fixture: fixture, app: app))
                callers.append(try await .signedIn(role, inside: false, fixture: fixture, app: app))
            }
            let routes = app.routes.all.map { (method: $0.method, pattern: $0.path.string) }
                .sorted { ($0.pattern, $0.method.rawValue) < ($1.pattern, $1.method.rawValue) }
            var mismatches: [String] = []
            var tried = 0
            // act: every route but sign-out, which is tried last
            for caller in callers {
                for route in routes where route.pattern != SiteRoute.logout.rawValue {
                    let key = AuthorizationMatrix.key(route.method, route.pattern)
                    guard let row = AuthorizationMatrix.table[key] else { continue }
                    let expected = row.expected(for: caller)
                    let path = try fixture.fill(route.pattern, subject: row.subject)
                    let (outcome, status, body) = try await caller.send(route.method, path, app: app)
                    tried += 1
                    if outcome != expected {
                        mismatches.append(
                            "\(caller.label) \(key) [\(path)]: expected \(expected), got \(outcome) (\(status.code))")
                    }
                    if !caller.inside, outcome == .answered {
                        for marker in fixture.markers where body.contains(marker) {
                            mismatches.append(
                                "\(caller.label) \(key): the answer shows \(marker) from outside its area")
                        }
                    }
                }
            }
            for caller in callers {
                let (outcome, status, _) = try await caller.send(.POST, SiteRoute.logout.path(), app: app)
                let expected: MatrixOutcome = .signIn
                if outcome != expected {
                    mismatches.append(
                        "\(caller.label) POST logout: expected \(expected), got \(outcome) (\(status.code))")
                }
            }
            // check
            #expect(tried > 1_500)
            #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        }
    }
}

/// What a route answered, in the terms the matrix states.
enum MatrixOutcome: String, CustomStringConvertible {
    /// A page, a file, a redirect elsewhere than sign-in, or a refusal of the input itself (400, 409, 413, 415, 422).
    case answered
    /// Sent to sign in (a redirect to the login page; 401 on the API).
    case signIn
    /// 403: the role may not do this.
    case refused
    /// 404: nothing there, as far as this caller may know.
    case notFound
    /// 5xx: never expected.
    case serverError

    var description: String { rawValue }
}

/// Who a route is tried as.
struct MatrixCaller {
    let role: Role?
    let inside: Bool
    let session: BrowserSession?
    let apiToken: String?

    static let anonymous = MatrixCaller(role: nil, inside: true, session: nil, apiToken: nil)

    var label: String {
        guard let role else { return "nobody" }
        return "\(role.rawValue)(\(inside ? "inside" : "outside"))"
    }

    /// A user of `role` bound to the fixture's area of that level (inside) or to a sibling area (outside).
    static func signedIn(
        _ role: Role, inside: Bool, fixture: MatrixFixture, app: Application
    ) async throws -> MatrixCaller {
        let demoName = role == .department ? "dept" : role.rawValue
        var username = demoName
        if !inside {
            let demo = try await app.user(demoName)
            username = "outside-\(role.rawValue)"
            let user = User(
                username: username, displayName: "邻区\(role.label)", passwordHash: demo.passwordHash,
                role: role.rawValue, areaCode: try fixture.outsideArea(for: role), department: demo.department)
            try await user.create(on: app.db)
        }
        return MatrixCaller(
            role: role, inside: inside, session: try await app.signIn(username),
            apiToken: try await app.apiToken(username))
    }

    /// Sends `method path` as a browser (web paths) or an API client (`/api/`), with an empty form or JSON body.
    func send(
        _ method: HTTPMethod, _ path: String, app: Application
    ) async throws -> (MatrixOutcome, HTTPStatus, String) {
        let isAPI = path.hasPrefix("/api/")
        var headers = HTTPHeaders()
        if isAPI {
            if let apiToken { headers.bearerAuthorization = BearerAuthorization(token: apiToken) }
        } else {
            headers = method == .GET ? (session?.headers ?? HTTPHeaders()) : (session?.formHeaders ?? sameSiteForm())
        }
        var result: (MatrixOutcome, HTTPStatus, String) = (.serverError, .internalServerError, "")
        try await app.testing().test(
            method, String(path.dropFirst()), headers: headers,
            beforeRequest: { request in
                guard method == .POST else { return }
                if isAPI {
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: "{}")
                } else {
                    var form: [String: String] = [:]
                    if let session { form[FormProtection.fieldName] = session.csrf }
                    try request.content.encode(form, as: .urlEncodedForm)
                }
            },
            afterResponse: { response in
                result = (Self.outcome(of: response, isAPI: isAPI), response.status, response.body.string)
            })
        return result
    }

    static func outcome(of response: TestingHTTPResponse, isAPI: Bool) -> MatrixOutcome {
        let status = response.status
        if status.code >= 500 { return .serverError }
        if status == .forbidden { return .refused }
        if status == .notFound { return .notFound }
        if isAPI && status == .unauthorized { return .signIn }
        if (300..<400).contains(status.code),
            let location = response.headers.first(name: .location),
            location.hasPrefix(SiteRoute.login.path())
        {
            return .signIn
        }
        return .answered
    }
}

/// The records the matrix's paths name: all in the demo grid worker's grid, so inside every demo account's area.
struct MatrixFixture {
    let household: Household
    let member: Member
    let lead: RiskLead
    let importBatch: UUID
    let departmentBatch: UUID
    let screeningRun: UUID
    let screeningRule: UUID
    let gridUser: UUID
    let policyRow: UUID
    let leadPolicyRow: UUID
    let outsideAreas: [Role: String]

    /// Texts that only the fixture's records hold: none may appear in an answer to a caller outside their area.
    var markers: [String] { [household.householdNumber, member.idNumber, lead.id?.uuidString.lowercased() ?? "-"] }

    func outsideArea(for role: Role) throws -> String { try #require(outsideAreas[role]) }

    /// The pattern with its parameters filled from the fixture.
    func fill(_ pattern: String, subject: MatrixSubject) throws -> String {
        let route = try #require(SiteRoute(rawValue: pattern))
        let values: [String]
        switch subject {
        case .none: values = []
        case .household: values = [try household.requireID().uuidString]
        case .member: values = [try member.requireID().uuidString]
        case .lead: values = [try lead.requireID().uuidString]
        case .area: values = [try #require(household.gridCode)]
        case .importBatch: values = [importBatch.uuidString]
        case .departmentBatch: values = [departmentBatch.uuidString]
        case .screeningRun: values = [screeningRun.uuidString]
        case .screeningRule: values = [screeningRule.uuidString]
        case .user: values = [gridUser.uuidString]
        case .policyParameter: values = ["monitoring-lines"]
        case .policyRow: values = [policyRow.uuidString]
        case .leadPolicyRow: values = [leadPolicyRow.uuidString]
        case .departmentKind: values = ["medicalSelfPay"]
        case .draft: values = ["0123456789abcdef0123"]
        }
        return route.path(filling: values.map { UUID(uuidString: $0) == nil ? $0 : $0.lowercased() })
    }

    static func make(_ app: Application) async throws -> MatrixFixture {
        let grid = try await app.user("grid")
        let village = try await app.user("village")
        let town = try await app.user("town")
        let household = try #require(
            try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).sort(\.$householdNumber).first())
        let member = try #require(
            try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).first())
        let householdID = try household.requireID()
        // a lead, reported by the village
        let villageSession = try await app.signIn("village")
        try await app.postForm(
            "households/\(householdID)/leads", as: villageSession,
            ["channel": "hotline", "risk": "illness", "description": "户主住院", "reporter": "户主之子"]
        ) { #expect($0.status == .seeOther) }
        let lead = try #require(
            try await RiskLead.query(on: app.db).filter(\.$household.$id == householdID).filter(
                \.$riskType == "illness"
            )
            .first())
        // a registry file the village uploaded
        var importBatch: UUID?
        let rows = [
            RegistryExport.header,
            registryRow(
                household: "MATRIX-1", village: household.villageCode, address: "某组", name: "张三",
                idNumber: "512002198001010011", relation: "户主"),
        ]
        try await app.testing().test(
            .POST, "api/v1/registry/imports?filename=matrix.csv",
            headers: app.bearer(try await app.apiToken("village")),
            body: ByteBuffer(data: SpreadsheetWriter.csv(rows))
        ) { response in
            #expect(response.status == .ok)
            importBatch = try response.content.decode(API.ImportBatchItem.self).id
        }
        // a department file with the member's hospital bill
        let departmentBatch = try await app.uploadDepartmentFile(
            "身份证号,姓名,日期,金额（元）,说明\n\(member.idNumber),\(member.name),2026-10-08,56320,住院\n", kind: "medicalSelfPay",
            as: try await app.signIn("dept"))
        // a screening run of the county
        let county = try await app.signIn("county")
        if try await ScreeningRun.query(on: app.db).count() == 0 {
            try await app.postForm("screening/runs", as: county, [:]) { _ in }
        }
        let run = try #require(try await ScreeningRun.query(on: app.db).first())
        // a screening rule version and policy rows of the county (national ones are no county's to end)
        let national = try #require(try await ScreeningRuleRecord.query(on: app.db).sort(\.$kind).first())
        let rule = ScreeningRuleRecord()
        rule.kind = national.kind
        rule.version = national.version + 100
        rule.parametersJSON = national.parametersJSON
        rule.effectiveFrom = "2027-01-01"
        rule.scopeCode = "512002000000"
        rule.enabled = true
        rule.note = "矩阵测试"
        rule.createdBy = "county"
        try await rule.create(on: app.db)
        let nationalLine = try #require(try await MonitoringLineRecord.query(on: app.db).first())
        let line = MonitoringLineRecord()
        line.scopeCode = "512002000000"
        line.effectiveFrom = "2026-01-01"
        line.amount = nationalLine.amount
        line.source = "矩阵测试"
        try await line.create(on: app.db)
        let nationalPolicy = try #require(try await LeadDeadlinePolicyRecord.query(on: app.db).first())
        let leadPolicy = LeadDeadlinePolicyRecord()
        leadPolicy.scopeCode = "512002000000"
        leadPolicy.effectiveFrom = "2026-01-01"
        leadPolicy.valueJSON = nationalPolicy.valueJSON
        leadPolicy.source = "矩阵测试"
        leadPolicy.createdBy = "admin"
        try await leadPolicy.create(on: app.db)
        // sibling areas of each level, none holding the fixture's records
        let otherVillage = try #require(
            try await Area.query(on: app.db).filter(\.$parentCode == town.areaCode).filter(\.$code != village.areaCode)
                .first())
        let otherGrid = try #require(
            try await Area.query(on: app.db).filter(\.$level == AreaLevel.grid.rawValue).filter(
                \.$code != grid.areaCode
            )
            .first())
        let otherTownship = try #require(
            try await Area.query(on: app.db).filter(\.$parentCode == "512002000000").filter(\.$code != town.areaCode)
                .first())
        try await RegionCatalog.load(prefix: "50", resourcesDirectory: app.directory.resourcesDirectory, on: app.db)
        let outsideAreas: [Role: String] = [
            .admin: "500000000000",  // 重庆市, beside 四川省
            .supervisor: "510100000000",  // 成都市, beside 资阳市
            .county: "512021000000",  // 安岳县, beside 雁江区
            .department: "512021000000",
            .town: otherTownship.code,
            .village: otherVillage.code,
            .contact: otherVillage.code,
            .grid: otherGrid.code,
        ]
        return MatrixFixture(
            household: household, member: member, lead: lead, importBatch: try #require(importBatch),
            departmentBatch: try departmentBatch.requireID(), screeningRun: try run.requireID(),
            screeningRule: try rule.requireID(), gridUser: try grid.requireID(), policyRow: try line.requireID(),
            leadPolicyRow: try leadPolicy.requireID(),
            outsideAreas: outsideAreas)
    }
}

/// What fills a route's parameters.
enum MatrixSubject {
    case none, household, member, lead, area, importBatch, departmentBatch, screeningRun, screeningRule, user
    case policyParameter, policyRow, leadPolicyRow, departmentKind, draft

    /// Whether the record belongs to an area, so that a caller outside it must find nothing.
    var isInArea: Bool {
        switch self {
        case .household, .member, .lead, .area, .importBatch, .departmentBatch, .screeningRun, .user, .screeningRule,
            .policyRow, .leadPolicyRow:
            true
        case .none, .policyParameter, .departmentKind, .draft: false
        }
    }
}

/// One row of the matrix: who may pass the route's gate, and what its path names.
struct MatrixRow {
    enum Gate {
        /// Anyone, signed in or not.
        case open
        /// Any signed-in user.
        case signedIn
        /// A signed-in user whose role holds the permission.
        case permission(Permission)
        /// The monitoring system's token or the loopback, which no caller of the matrix has: nothing there.
        case monitoring
    }

    let gate: Gate
    let subject: MatrixSubject
    /// What a caller who passes the gate gets from inside the area, where that is not an answer.
    var insideOutcome: MatrixOutcome = .answered

    init(_ gate: Gate, _ subject: MatrixSubject = .none, inside: MatrixOutcome = .answered) {
        self.gate = gate
        self.subject = subject
        self.insideOutcome = inside
    }

    func expected(for caller: MatrixCaller) -> MatrixOutcome {
        if case .monitoring = gate { return .notFound }
        guard let role = caller.role else {
            if case .open = gate { return .answered }
            return .signIn
        }
        if case let .permission(permission) = gate, !role.may(permission) { return .refused }
        if !caller.inside && subject.isInArea { return .notFound }
        return insideOutcome
    }
}

/// The expected answer of every route (权限矩阵). Roles per permission are pinned in `RoleTests`.
enum AuthorizationMatrix {
    static func key(_ method: HTTPMethod, _ pattern: String) -> String { "\(method.rawValue) \(pattern)" }

    private static func row(_ method: HTTPMethod, _ route: SiteRoute, _ row: MatrixRow) -> (String, MatrixRow) {
        (key(method, route.rawValue), row)
    }

    static let table: [String: MatrixRow] = Dictionary(
        uniqueKeysWithValues: [
            // platform
            row(.GET, .health, .init(.open)),
            row(.GET, .metrics, .init(.monitoring)),
            row(.GET, .home, .init(.signedIn)),
            row(.GET, .draft, .init(.signedIn, .draft, inside: .notFound)),
            // accounts
            row(.GET, .login, .init(.open)),
            row(.POST, .login, .init(.open)),
            row(.POST, .logout, .init(.signedIn)),
            row(.GET, .users, .init(.permission(.manageUsers))),
            row(.POST, .users, .init(.permission(.manageUsers))),
            row(.GET, .userNew, .init(.permission(.manageUsers))),
            row(.GET, .user, .init(.permission(.manageUsers), .user)),
            row(.POST, .user, .init(.permission(.manageUsers), .user)),
            row(.POST, .userUnlock, .init(.permission(.manageUsers), .user)),
            // audit
            row(.GET, .audit, .init(.permission(.readAuditLog))),
            // areas
            row(.GET, .areas, .init(.permission(.readRegistry))),
            row(.GET, .area, .init(.permission(.readRegistry), .area)),
            row(.POST, .area, .init(.permission(.editAreasBelowCounty), .area)),
            row(.GET, .areaNewChild, .init(.permission(.editAreasBelowCounty), .area)),
            row(.POST, .areaChildren, .init(.permission(.editAreasBelowCounty), .area)),
            row(.GET, .areaEdit, .init(.permission(.editAreasBelowCounty), .area)),
            // registry
            row(.GET, .households, .init(.permission(.readRegistry))),
            row(.GET, .householdExport, .init(.permission(.readRegistry))),
            row(.GET, .household, .init(.permission(.readRegistry), .household)),
            row(.POST, .household, .init(.permission(.editRegistry), .household)),
            row(.GET, .householdEdit, .init(.permission(.editRegistry), .household)),
            row(.GET, .memberNew, .init(.permission(.editRegistry), .household)),
            row(.POST, .members, .init(.permission(.editRegistry), .household)),
            row(.POST, .member, .init(.permission(.editRegistry), .member)),
            row(.GET, .memberEdit, .init(.permission(.editRegistry), .member)),
            row(.GET, .memberDeparture, .init(.permission(.editRegistry), .member)),
            row(.POST, .memberDeparture, .init(.permission(.editRegistry), .member)),
            row(.GET, .incomeNew, .init(.permission(.editRegistry), .household)),
            row(.POST, .incomes, .init(.permission(.editRegistry), .household)),
            row(.GET, .guaranteeNew, .init(.permission(.editRegistry), .household)),
            row(.POST, .guarantees, .init(.permission(.editRegistry), .household)),
            row(.GET, .visitNew, .init(.permission(.reportRisks), .household)),
            row(.POST, .visits, .init(.permission(.reportRisks), .household)),
            row(.POST, .contact, .init(.permission(.assignContacts), .household)),
            row(.GET, .dataQuality, .init(.permission(.readDataQuality))),
            row(.GET, .imports, .init(.permission(.importRegistry))),
            row(.POST, .imports, .init(.permission(.importRegistry))),
            row(.GET, .importBatch, .init(.permission(.importRegistry), .importBatch)),
            row(.POST, .importCommit, .init(.permission(.importRegistry), .importBatch)),
            row(.GET, .importProblems, .init(.permission(.importRegistry), .importBatch)),
            // discovery
            row(.GET, .leadNew, .init(.permission(.reportRisks), .household)),
            row(.POST, .householdLeads, .init(.permission(.reportRisks), .household)),
            row(.GET, .leads, .init(.permission(.readLeads))),
            row(.GET, .leadExport, .init(.permission(.readLeads))),
            row(.GET, .leadWarning, .init(.permission(.readLeads))),
            row(.GET, .lead, .init(.permission(.readLeads), .lead)),
            row(.POST, .leadActions, .init(.permission(.readLeads), .lead)),
            row(.GET, .screening, .init(.permission(.readScreening))),
            row(.POST, .screeningRuns, .init(.permission(.runScreening))),
            row(.GET, .screeningRun, .init(.permission(.readScreening), .screeningRun)),
            row(.POST, .screeningDryRun, .init(.permission(.runScreening))),
            row(.POST, .screeningRules, .init(.permission(.runScreening))),
            row(.POST, .screeningRuleWithdrawal, .init(.permission(.runScreening), .screeningRule)),
            row(.POST, .screeningRuleEnd, .init(.permission(.runScreening), .screeningRule)),
            row(.GET, .departments, .init(.permission(.readDepartmentData))),
            row(.POST, .departmentBatches, .init(.permission(.sendDepartmentData))),
            row(.GET, .departmentBatch, .init(.permission(.readDepartmentData), .departmentBatch)),
            row(.GET, .departmentTemplate, .init(.permission(.readDepartmentData), .departmentKind)),
            row(.POST, .departmentCadences, .init(.permission(.setExchangeCadences))),
            // policy
            row(.GET, .policy, .init(.permission(.administerPolicy))),
            row(.POST, .policyMonitoringLines, .init(.permission(.administerPolicy))),
            row(.POST, .policyLeadDeadlines, .init(.permission(.administerPolicy))),
            row(.POST, .policyMonitoringLineEnd, .init(.permission(.administerPolicy), .policyRow)),
            row(.POST, .policyLeadDeadlineEnd, .init(.permission(.administerPolicy), .leadPolicyRow)),
            // the JSON API
            row(.GET, .apiOpenAPI, .init(.open)),
            row(.POST, .apiToken, .init(.open)),
            row(.GET, .apiMe, .init(.signedIn)),
            row(.GET, .apiHouseholds, .init(.permission(.readRegistry))),
            row(.GET, .apiHousehold, .init(.permission(.readRegistry), .household)),
            row(.GET, .apiHouseholdExport, .init(.permission(.readRegistry))),
            row(.POST, .apiIncomes, .init(.permission(.editRegistry), .household)),
            row(.POST, .apiVisits, .init(.permission(.reportRisks), .household)),
            row(.POST, .apiGuarantees, .init(.permission(.editRegistry), .household)),
            row(.GET, .apiArea, .init(.permission(.readRegistry), .area)),
            row(.POST, .apiImports, .init(.permission(.importRegistry))),
            row(.GET, .apiImportBatch, .init(.permission(.importRegistry), .importBatch)),
            row(.POST, .apiImportCommit, .init(.permission(.importRegistry), .importBatch)),
            row(.GET, .apiDataQuality, .init(.permission(.readDataQuality))),
            row(.POST, .apiDepartmentEvents, .init(.permission(.sendDepartmentData))),
            row(.GET, .apiLeads, .init(.permission(.readLeads))),
            row(.GET, .apiLead, .init(.permission(.readLeads), .lead)),
            row(.POST, .apiLeadActions, .init(.permission(.readLeads), .lead)),
            row(.GET, .apiScreeningRules, .init(.permission(.readScreening))),
            row(.POST, .apiScreeningRules, .init(.permission(.runScreening))),
            row(.POST, .apiScreeningRuleWithdrawal, .init(.permission(.runScreening), .screeningRule)),
            row(.POST, .apiScreeningRuleEnd, .init(.permission(.runScreening), .screeningRule)),
            row(.POST, .apiScreeningDryRuns, .init(.permission(.runScreening))),
            row(.POST, .apiScreeningRuns, .init(.permission(.runScreening))),
            row(.GET, .apiScreeningRun, .init(.permission(.readScreening), .screeningRun)),
            row(.GET, .apiPolicyRows, .init(.permission(.administerPolicy), .policyParameter)),
            row(.POST, .apiPolicyMonitoringLines, .init(.permission(.administerPolicy))),
            row(.POST, .apiPolicyLeadDeadlines, .init(.permission(.administerPolicy))),
            row(.POST, .apiPolicyMonitoringLineEnd, .init(.permission(.administerPolicy), .policyRow)),
            row(.POST, .apiPolicyLeadDeadlineEnd, .init(.permission(.administerPolicy), .leadPolicyRow)),
        ])
}
