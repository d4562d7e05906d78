import Domain
import Fluent
import Vapor

extension API {
    struct MonitoringLineRequest: Content {
        /// A province, city or county code inside the caller's area; omitted for national (national administrators).
        let scope: String?
        let effectiveFrom: String
        let effectiveTo: String?
        /// Yuan per person per year, e.g. "7600".
        let amountYuan: String
        let source: String
    }

    struct LeadDeadlineRequest: Content {
        struct Limits: Content {
            /// Like 「5工作日」「24小时」「10自然日」; `total` may be omitted.
            let total: String?
            let village: String
            let township: String
            let county: String
        }

        let scope: String?
        let effectiveFrom: String
        let effectiveTo: String?
        let source: String
        /// Keyed by channel code (`LeadChannel`): every channel must be given.
        let channels: [String: Limits]
        let dueSoonPercent: Int
        let dueSoonHours: Int
        /// Days after closing during which the same finding is not raised again; omitted for never.
        let quietPeriodDays: Int?
    }
}

/// Policy rows for API clients: the same use cases as the administrator's page (`PolicyService`).
struct PolicyAPIController {
    func rows(_ request: Request) async throws -> [PolicyService.Row] {
        let user = try request.requireUser()
        try PolicyService.requireAdministrator(user)
        return try await PolicyService.rows(
            try Self.parameter(request), for: user, today: request.today, on: request.db)
    }

    func addMonitoringLine(_ request: Request) async throws -> PolicyService.Row {
        let user = try request.requireUser()
        let body = try request.content.decode(API.MonitoringLineRequest.self)
        let record = try await PolicyService.addMonitoringLine(
            PolicyService.RowInput(
                scope: body.scope ?? "", from: body.effectiveFrom, to: body.effectiveTo ?? "", source: body.source),
            amountYuan: body.amountYuan, by: PolicyService.Actor(user: user, audit: request.auditActor),
            at: request.now, on: request.db)
        return try await Self.row(.monitoringLine, id: try record.requireID(), user: user, request: request)
    }

    func addLeadPolicy(_ request: Request) async throws -> PolicyService.Row {
        let user = try request.requireUser()
        try PolicyService.requireAdministrator(user)
        let body = try request.content.decode(API.LeadDeadlineRequest.self)
        var fields: [String: String] = [
            "due_soon_percent": String(body.dueSoonPercent), "due_soon_hours": String(body.dueSoonHours),
            "quiet_days": body.quietPeriodDays.map(String.init) ?? "",
        ]
        for (channel, limits) in body.channels {
            fields["\(channel)_total"] = limits.total ?? ""
            fields["\(channel)_village"] = limits.village
            fields["\(channel)_township"] = limits.township
            fields["\(channel)_county"] = limits.county
        }
        let policy = try PolicyService.leadPolicy { fields[$0] ?? "" }
        let record = try await PolicyService.addLeadPolicy(
            PolicyService.RowInput(
                scope: body.scope ?? "", from: body.effectiveFrom, to: body.effectiveTo ?? "", source: body.source),
            policy: policy, by: PolicyService.Actor(user: user, audit: request.auditActor), at: request.now,
            on: request.db)
        return try await Self.row(.leadDeadlines, id: try record.requireID(), user: user, request: request)
    }

    func endRow(_ request: Request, of parameter: PolicyService.Parameter) async throws -> HTTPStatus {
        let user = try request.requireUser()
        try PolicyService.requireAdministrator(user)
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.recordNotFound }
        // the row is looked up before the body is read: outside the caller's area there is nothing
        let lastDay = (try? request.content.decode(API.LastDayRequest.self))?.lastDay ?? ""
        try await PolicyService.endRow(
            parameter, id: id, lastDay: lastDay,
            by: PolicyService.Actor(user: user, audit: request.auditActor), at: request.now, on: request.db)
        return .noContent
    }

    private static func parameter(_ request: Request) throws -> PolicyService.Parameter {
        guard let parameter = request.parameters.get("parameter").flatMap(PolicyService.Parameter.init(pathSegment:))
        else {
            throw AppError.policyParameterNotFound
        }
        return parameter
    }

    private static func row(
        _ parameter: PolicyService.Parameter, id: UUID, user: CurrentUser, request: Request
    ) async throws -> PolicyService.Row {
        guard
            let row = try await PolicyService.rows(parameter, for: user, today: request.today, on: request.db).first(
                where: { $0.id == id })
        else {
            throw AppError.recordNotFound
        }
        return row
    }
}
