import Domain
import Vapor

/// 政策参数 (web): the administrator's page of monitoring lines and lead deadlines; decode → `PolicyService` → page.
struct PolicyController {
    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        try PolicyService.requireAdministrator(user)
        return .html(try await page(request, user: user, problems: [], form: nil))
    }

    func addMonitoringLine(_ request: Request) async throws -> Response {
        try await change(request, form: .monitoringLine) { user in
            _ = try await PolicyService.addMonitoringLine(
                Self.rowInput(request), amountYuan: request.formText("amount"),
                by: Self.actor(request, user), at: request.now, on: request.db)
        }
    }

    func addLeadPolicy(_ request: Request) async throws -> Response {
        try await change(request, form: .leadDeadlines) { user in
            let policy = try PolicyService.leadPolicy { request.formText($0) }
            _ = try await PolicyService.addLeadPolicy(
                Self.rowInput(request), policy: policy, by: Self.actor(request, user),
                at: request.now, on: request.db)
        }
    }

    func endRow(_ request: Request, of parameter: PolicyService.Parameter) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.recordNotFound }
        return try await change(request, form: parameter) { user in
            try await PolicyService.endRow(
                parameter, id: id, lastDay: request.formText("last_day"), by: Self.actor(request, user),
                at: request.now, on: request.db)
        }
    }

    /// Runs a change and goes back to the page, or shows the page again with the refused form as it was typed.
    private func change(
        _ request: Request, form: PolicyService.Parameter, _ body: (CurrentUser) async throws -> Void
    ) async throws -> Response {
        let user = try request.requireUser()
        try PolicyService.requireAdministrator(user)
        do {
            try await body(user)
        } catch let failure as ValidationFailure {
            return .html(
                try await page(request, user: user, problems: failure.problems, form: form),
                status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.policy.path)
    }

    static func actor(_ request: Request, _ user: CurrentUser) -> PolicyService.Actor {
        PolicyService.Actor(user: user, audit: request.auditActor)
    }

    static func rowInput(_ request: Request) -> PolicyService.RowInput {
        PolicyService.RowInput(
            scope: request.formText("scope"), from: request.formText("from"), to: request.formText("to"),
            source: request.formText("source"))
    }

    private func page(
        _ request: Request, user: CurrentUser, problems: [FieldProblem], form: PolicyService.Parameter?
    ) async throws -> String {
        let today = request.today
        return PolicyPage.render(
            PolicyPage.Model(
                user: user, today: today,
                lines: try await PolicyService.rows(.monitoringLine, for: user, today: today, on: request.db),
                leadRows: try await PolicyService.rows(.leadDeadlines, for: user, today: today, on: request.db),
                leadPolicy: try await PolicyService.leadPolicyInForce(for: user, today: today, on: request.db),
                problems: problems, failedForm: form, submitted: form == nil ? [:] : Self.submittedFields(request)
            ))
    }

    /// What the user typed, so a refused form comes back with it.
    private static func submittedFields(_ request: Request) -> [String: String] {
        (try? request.content.decode([String: String].self)) ?? [:]
    }
}
