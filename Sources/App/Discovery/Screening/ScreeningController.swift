import Domain
import Fluent
import Vapor

/// 筛查 (web): the rules in force with their versions, runs on demand, and the dry run of a rule change that shows,
/// per village, what it would raise before anyone switches it on.
struct ScreeningController {
    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .readScreening)
        return .html(try await page(user: user, request: request, problems: [], proposal: nil))
    }

    /// Screens the user's whole area now and files the leads.
    func run(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .runScreening)
        let run = try await ScreeningService.runOnDemand(
            by: user, actor: request.auditActor, at: request.now,
            calendar: request.application.workingDayCalendar, on: request.db)
        return request.redirect(to: SiteRoute.screeningRun.path(try run.requireID()))
    }

    func showRun(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .readScreening)
        guard let run = try await ScreeningRun.find(request.parameters.get("id", as: UUID.self), on: request.db),
            let code = AreaCode(run.areaCode), user.scope.includes(code)
        else { throw AppError.screeningRunNotFound }
        let names = try await AreaDirectory.qualifiedNames(of: Array(run.perVillage.keys), on: request.db)
        return .html(ScreeningPages.run(user: user, run: run, villageNames: names))
    }

    /// Dry run of a proposed version: the stored rules with one rule's parameter changed for the user's area.
    func dryRun(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .runScreening)
        let proposal = Self.proposal(request)
        let version: ScreeningRuleVersion
        do {
            version = try await ScreeningRuleService.proposedVersion(
                proposal.service, for: user, today: request.today, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                try await page(user: user, request: request, problems: failure.problems, proposal: proposal),
                status: .unprocessableEntity)
        }
        let comparison = try await ScreeningDryRun.compare(
            version, for: user, at: request.now, calendar: request.application.workingDayCalendar,
            on: request.db)
        return .html(
            ScreeningPages.comparison(
                user: user, kind: version.kind, version: version, baseline: comparison.baseline,
                trial: comparison.trial,
                villageNames: comparison.villageNames, proposal: proposal))
    }

    /// Switches a proposed version on for the user's area.
    func adopt(_ request: Request) async throws -> Response {
        let proposal = Self.proposal(request)
        return try await change(request, proposal: proposal) { user in
            _ = try await ScreeningRuleService.adopt(
                proposal.service, by: user, actor: request.auditActor, at: request.now, on: request.db)
        }
    }

    /// Withdraws a version of the user's area that has not started.
    func withdraw(_ request: Request) async throws -> Response {
        try await change(request) { user in
            try await ScreeningRuleService.withdraw(
                try Self.ruleID(request), by: user, actor: request.auditActor, at: request.now, on: request.db)
        }
    }

    /// Ends a version of the user's area on the day given.
    func end(_ request: Request) async throws -> Response {
        try await change(request) { user in
            try await ScreeningRuleService.end(
                try Self.ruleID(request), lastDay: request.formText("last_day"), by: user, actor: request.auditActor,
                at: request.now, on: request.db)
        }
    }

    /// Runs a change of the rules and goes back to the page, or shows the page again with what was refused.
    private func change(
        _ request: Request, proposal: ScreeningPages.Proposal? = nil,
        _ body: (CurrentUser) async throws -> Void
    ) async throws -> Response {
        let user = try request.requireUser(holding: .runScreening)
        do {
            try await body(user)
        } catch let failure as ValidationFailure {
            return .html(
                try await page(user: user, request: request, problems: failure.problems, proposal: proposal),
                status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.screening.path())
    }

    private static func ruleID(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.ruleVersionNotFound }
        return id
    }

    private static func proposal(_ request: Request) -> ScreeningPages.Proposal {
        ScreeningPages.Proposal(
            kind: request.formText("kind"), parameter: request.formText("parameter"),
            value: request.formText("value"), effectiveFrom: request.formText("effective_from"))
    }

    private func page(
        user: CurrentUser, request: Request, problems: [FieldProblem], proposal: ScreeningPages.Proposal?
    ) async throws -> String {
        let records = try await ScreeningRuleRecord.query(on: request.db).filter(\.$withdrawnAt == nil).sort(\.$kind)
            .sort(\.$version).all()
            .filter { record in
                record.scopeCode.flatMap(AreaCode.init).map { user.scope.includes($0) || $0.contains(user.scope.root) }
                    ?? true
            }
        let runs = try await ScreeningRun.query(on: request.db).sort(\.$startedAt, .descending).limit(100).all()
            .filter { AreaCode($0.areaCode).map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? false }
        let repairs = try await DiscoveryConfiguration.rules(on: request.db).repairs.filter { repair in
            repair.scope.map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? true
        }
        return ScreeningPages.index(
            user: user, records: records, runs: Array(runs.prefix(20)), problems: problems, proposal: proposal,
            today: request.today,
            canRun: user.role.may(.runScreening), repairs: repairs)
    }
}

extension ScreeningRun {
    var perVillage: [String: [String: Int]] {
        (try? JSONDecoder().decode([String: [String: Int]].self, from: Data(summaryJSON.utf8))) ?? [:]
    }
}
