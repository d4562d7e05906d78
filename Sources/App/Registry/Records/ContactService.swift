import Domain
import Fluent
import Vapor

/// 监测联系人分工: one monitoring contact per household at a time; a change ends the previous assignment. The user,
/// the day and the database are given, never a request.
enum ContactService {
    /// Makes `contactID` the household's monitoring contact from `today`, ending the current assignments; assigning
    /// the current contact again changes nothing. Only an active contact of the household's village can be assigned.
    static func assign(
        contactID: UUID?, to household: Household, today: CivilDate, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws {
        let householdID = try household.requireID()
        guard let contactID,
            let contact = try await User.find(contactID, on: database),
            contact.role == Role.contact.rawValue, contact.isActive, contact.areaCode == household.villageCode
        else { throw AppError.notAContactOfTheVillage }
        let today = today.description
        try await database.transaction { database in
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
                actor: actor, at: now, on: database
            )
        }
    }
}
