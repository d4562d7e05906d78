import Domain
import Fluent
import Vapor

extension API {
    struct ScreeningRuleItem: Content {
        let id: UUID
        let kind: String
        let kindLabel: String
        let version: Int
        /// As stored: amounts in fen (`thresholdFen`), the rest whole numbers.
        let parameters: [String: Int64]
        let effectiveFrom: String?
        let effectiveTo: String?
        let scope: String?
        let enabled: Bool

        init?(_ record: ScreeningRuleRecord) {
            guard let id = record.id, let version = record.ruleVersion else { return nil }
            self.id = id
            kind = record.kind
            kindLabel = version.kind.label
            self.version = record.version
            parameters = version.parameters
            effectiveFrom = record.effectiveFrom
            effectiveTo = record.effectiveTo
            scope = record.scopeCode
            enabled = record.enabled
        }
    }

    struct ScreeningRules: Content {
        let versions: [ScreeningRuleItem]
        /// Conflicts among stored versions and how screening resolved them.
        let repairs: [String]
    }

    struct RuleProposal: Content {
        let kind: String
        let parameter: String
        /// As a person types it: yuan for amounts (e.g. "30000"), whole numbers otherwise.
        let value: String
        let effectiveFrom: String
    }

    struct LastDayRequest: Content {
        let lastDay: String
    }

    struct ScreeningRunItem: Content {
        let id: UUID
        let startedAt: Date
        let finishedAt: Date?
        let dryRun: Bool
        let areaCode: String
        let households: Int
        let hits: Int
        let newLeads: Int
        let corroborated: Int
        let attached: Int
        let settled: Int
        let status: String
        let error: String?
        /// Per village and rule, the households hit.
        let perVillage: [String: [String: Int]]

        init(_ run: ScreeningRun) throws {
            id = try run.requireID()
            startedAt = run.startedAt
            finishedAt = run.finishedAt
            dryRun = run.dryRun
            areaCode = run.areaCode
            households = run.households
            hits = run.hits
            newLeads = run.newLeads
            corroborated = run.corroborated
            attached = run.attached ?? 0
            settled = run.settled ?? 0
            status = run.status
            error = run.error
            perVillage = run.perVillage
        }
    }

    struct DryRunComparison: Content {
        let kind: String
        let version: Int
        let parameters: [String: Int64]
        /// Households the rule hits per village under the rules in force and under the proposal.
        let baseline: [String: Int]
        let trial: [String: Int]
        let villageNames: [String: String]
    }
}

/// Screening for API clients (a department system, a province platform): the rule versions of the caller's area,
/// adopting, withdrawing and ending versions, dry runs and runs — the same use cases as the web pages.
struct ScreeningAPIController {
    func rules(_ request: Request) async throws -> API.ScreeningRules {
        let user = try request.requireUser(holding: .readScreening)
        let visible = { (scope: AreaCode?) in
            scope.map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? true
        }
        let records = try await ScreeningRuleRecord.query(on: request.db).filter(\.$withdrawnAt == nil).sort(\.$kind)
            .sort(\.$version).all()
            .filter { visible($0.scopeCode.flatMap(AreaCode.init)) }
        let repairs = try await DiscoveryConfiguration.rules(on: request.db).repairs.filter { visible($0.scope) }.map(
            \.message)
        return API.ScreeningRules(versions: records.compactMap(API.ScreeningRuleItem.init), repairs: repairs)
    }

    func adopt(_ request: Request) async throws -> API.ScreeningRuleItem {
        let user = try request.requireUser()
        let body = try request.content.decode(API.RuleProposal.self)
        let record = try await ScreeningRuleService.adopt(
            Self.proposal(body), by: user, actor: request.auditActor, at: request.now, on: request.db)
        guard let item = API.ScreeningRuleItem(record) else { throw Abort(.internalServerError) }
        return item
    }

    func withdraw(_ request: Request) async throws -> HTTPStatus {
        let user = try request.requireUser()
        try await ScreeningRuleService.withdraw(
            try Self.id(request), by: user, actor: request.auditActor, at: request.now, on: request.db)
        return .noContent
    }

    func end(_ request: Request) async throws -> HTTPStatus {
        let user = try request.requireUser()
        // the version is looked up before the body is read: outside the caller's area there is nothing
        let lastDay = (try? request.content.decode(API.LastDayRequest.self))?.lastDay ?? ""
        try await ScreeningRuleService.end(
            try Self.id(request), lastDay: lastDay, by: user, actor: request.auditActor, at: request.now,
            on: request.db)
        return .noContent
    }

    func dryRun(_ request: Request) async throws -> API.DryRunComparison {
        let user = try request.requireUser(holding: .runScreening)
        let body = try request.content.decode(API.RuleProposal.self)
        let version = try await ScreeningRuleService.proposedVersion(
            Self.proposal(body), for: user, today: request.today, on: request.db)
        let comparison = try await ScreeningDryRun.compare(
            version, for: user, at: request.now, calendar: request.application.workingDayCalendar,
            on: request.db)
        let kind = version.kind.rawValue
        return API.DryRunComparison(
            kind: kind, version: version.version, parameters: version.parameters,
            baseline: comparison.baseline.perVillage.compactMapValues { $0[kind] },
            trial: comparison.trial.perVillage.compactMapValues { $0[kind] }, villageNames: comparison.villageNames)
    }

    func run(_ request: Request) async throws -> API.ScreeningRunItem {
        let user = try request.requireUser()
        return try API.ScreeningRunItem(
            try await ScreeningService.runOnDemand(
                by: user, actor: request.auditActor, at: request.now,
                calendar: request.application.workingDayCalendar, on: request.db))
    }

    func showRun(_ request: Request) async throws -> API.ScreeningRunItem {
        let user = try request.requireUser(holding: .readScreening)
        guard let run = try await ScreeningRun.find(try Self.id(request), on: request.db),
            let code = AreaCode(run.areaCode), user.scope.includes(code)
        else { throw AppError.screeningRunNotFound }
        return try API.ScreeningRunItem(run)
    }

    private static func id(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.recordNotFound }
        return id
    }

    private static func proposal(_ body: API.RuleProposal) -> ScreeningRuleService.Proposal {
        ScreeningRuleService.Proposal(
            kind: body.kind, parameter: body.parameter, value: body.value, effectiveFrom: body.effectiveFrom)
    }
}
