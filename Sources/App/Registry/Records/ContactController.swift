import Domain
import Fluent
import Vapor

/// 监测联系人分工: one monitoring contact per household at a time; a change ends the previous assignment.
struct ContactController {
    func assign(_ request: Request) async throws -> Response {
        let (_, household) = try await request.household(for: .assignContact)
        let householdID = try household.requireID()
        guard let contactID = UUID(uuidString: request.formText("user_id")),
            let contact = try await User.find(contactID, on: request.db),
            contact.role == Role.contact.rawValue, contact.isActive, contact.areaCode == household.villageCode
        else { throw AppError.notAContactOfTheVillage }
        let today = request.today.description
        try await request.db.transaction { database in
            let current = try await ContactAssignment.query(on: database).filter(\.$household.$id == householdID)
                .filter(\.$endedOn == nil).with(\.$user).all()
            if current.contains(where: { $0.$user.id == contactID }) { return }
            for assignment in current {
                assignment.endedOn = today
                try await assignment.save(on: database)
            }
            let assignment = ContactAssignment()
            assignment.$household.id = householdID
            assignment.$user.id = contactID
            assignment.assignedOn = today
            try await assignment.create(on: database)
            try await AuditLog.record(
                .update, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary: "安排监测联系人：\(contact.displayName)",
                before: ["contact": current.map(\.user.displayName).joined(separator: "、")],
                after: ["contact": contact.displayName],
                actor: request.auditActor, at: request.now, on: database
            )
        }
        return request.redirect(to: SiteURL.household(id: householdID).path)
    }
}
