import Domain
import Fluent
import Vapor

/// 操作日志: the audit trail of the user's area, newest first.
struct AuditController {
    static let pageSize = 100

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .readAuditLog)
        let offset = try request.queryNumber(.offset) ?? 0
        let range = user.scope.areaCodeRange
        let events = try await AuditEvent.query(on: request.db)
            .group(.or) { either in
                either.group(.and) { inside in
                    inside.filter(\.$areaCode >= range.lower).filter(\.$areaCode <= range.upper)
                }
                // Events tied to no area (a failed login with an unknown name) are shown to administrators only.
                if user.role == .admin { either.filter(\.$areaCode == nil) }
            }
            .sort(\.$occurredAt, .descending)
            .range(offset..<(offset + Self.pageSize))
            .all()
        let names = try await AuditNames.load(for: events, on: request.db)
        let rows = events.map { AuditRow($0, names: names) }
        return .html(
            AuditPage.render(viewer: user, events: events, rows: rows, offset: offset, pageSize: Self.pageSize))
    }
}
