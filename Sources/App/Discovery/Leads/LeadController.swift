import Domain
import Fluent
import Vapor

/// 风险线索台账 (web): the closed-loop ledger of the area, one lead's sources and steps, the actions of each level,
/// and the hotline/self-report entry form.
struct LeadController {
    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let filter = try request.query.decode(LeadService.LedgerFilter.self)
        let offset = try NumberInput.offset.check(filter.offset) ?? 0
        let page = try await LeadService.ledgerPage(
            for: user, filter: filter, offset: offset, limit: LeadPages.pageSize, at: request.now,
            on: request.db)
        let parts = try await AreaDirectory.children(of: user.areaCode.value, on: request.db)
            .filter { AreaCode($0.code).map { [.township, .village].contains($0.level) } ?? false }
        return .html(
            LeadPages.ledger(
                user: user, filter: filter, rows: page.rows, total: page.total, offset: offset, now: request.now,
                areas: parts.map { ($0.code, $0.name) }))
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return .html(LeadPages.detail(try await detail(request, user: user), problems: []))
    }

    /// One level's decision on the lead, checked by the workflow; the next step's deadline starts now.
    func act(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let lead = try await request.scoped(RiskLead.self).find(request.parameters.get("id", as: UUID.self))
        do {
            let action = try LeadAction(
                command: request.formText("action"), at: lead, text: request.formText("text"),
                reference: request.formText("reference"))
            try await LeadService.apply(
                action, to: lead, by: user, actor: request.auditActor, at: request.now,
                calendar: request.application.workingDayCalendar, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                LeadPages.detail(try await detail(request, user: user), problems: failure.problems),
                status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.lead.path(try lead.requireID()))
    }

    private func detail(_ request: Request, user: CurrentUser) async throws -> LeadPages.Detail {
        try await LeadService.detail(
            of: request.parameters.get("id", as: UUID.self), for: user, at: request.now, on: request.db)
    }
}
