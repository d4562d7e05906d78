import Domain
import Fluent
import Vapor

/// 监测联系人分工: the household page's form that assigns a monitoring contact (`ContactService.assign`).
struct ContactController {
    func assign(_ request: Request) async throws -> Response {
        let (_, household) = try await request.household(for: .assignContacts)
        try await ContactService.assign(
            contactID: UUID(uuidString: request.formText("user_id")), to: household, today: request.today,
            actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }
}
