import Domain
import Fluent
import Vapor

extension HouseholdPage {
    /// One household as its viewer may see it. Personal data is masked unless the viewer's role needs it and the
    /// viewer asked to see it in full, and that full view is logged.
    struct Model {
        let user: CurrentUser
        let household: Household
        let members: [Member]
        let incomes: [IncomeRecord]
        let areaPath: String
        let revealed: Bool
        let canReveal: Bool
        let history: [AuditRow]
        let guarantees: [GuaranteeRecord]
        let visits: [Visit]
        let contact: User?
        let contactCandidates: [User]
        let canEdit: Bool
        let canVisit: Bool
        let leads: [RiskLead]

        func show(_ value: String?, field: String) -> String {
            guard let value, !value.isEmpty else { return "—" }
            return revealed ? value : PersonalField.display(value, field: field, for: .department)
        }
    }

    static func query(id: UUID?, reveal: Bool, on request: Request) async throws -> Model {
        let user = try request.requireUser()
        let household = try await request.scoped(Household.self).find(id)
        let householdID = try household.requireID()
        let members = try await Member.query(on: request.db).filter(\.$household.$id == householdID)
            .sort(\.$birthDate).all()
            .sorted { RelationToHead.order($0.relation) < RelationToHead.order($1.relation) }
        let incomes = try await IncomeRecord.query(on: request.db).filter(\.$household.$id == householdID)
            .sort(\.$periodStart).all()
        let lineage = try await AreaDirectory.lineage(of: household.groupCode ?? household.villageCode, on: request.db)
        let revealed = reveal && user.role.seesFullPersonalData
        if revealed {
            try await AuditLog.record(
                .viewPersonalData, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode, summary: "查看完整个人信息（户编号 \(household.householdNumber)）",
                actor: request.auditActor, at: request.now, on: request.db
            )
        }
        let guarantees = try await GuaranteeRecord.query(on: request.db).filter(\.$household.$id == householdID)
            .sort(\.$assessedOn, .descending).sort(\.$createdAt, .descending).all()
        let visits = try await Visit.query(on: request.db).filter(\.$household.$id == householdID)
            .sort(\.$visitedOn, .descending).limit(20).all()
        let contact = try await ContactAssignment.query(on: request.db).join(User.self, on: \ContactAssignment.$user.$id == \User.$id)
            .filter(\.$household.$id == householdID).filter(\.$endedOn == nil).first()
            .flatMap { try? $0.joined(User.self) }
        var candidates: [User] = []
        if HouseholdAction.assignContact.isAllowed(for: user.role) {
            candidates = try await User.query(on: request.db).filter(\.$role == Role.contact.rawValue)
                .filter(\.$areaCode == household.villageCode).filter(\.$isActive == true).sort(\.$displayName).all()
        }
        return Model(
            user: user, household: household, members: members, incomes: incomes,
            areaPath: lineage.suffix(4).map(\.name).joined(separator: " / "),
            revealed: revealed, canReveal: user.role.seesFullPersonalData,
            history: try await AuditRow.history(entityType: Household.auditEntityType, entityID: householdID.uuidString, viewer: user, on: request.db),
            guarantees: guarantees, visits: visits, contact: contact, contactCandidates: candidates,
            canEdit: HouseholdAction.editRegistry.isAllowed(for: user.role),
            canVisit: HouseholdAction.recordVisit.isAllowed(for: user.role),
            leads: !user.role.canReadLeads ? [] : try await RiskLead.query(on: request.db).filter(\.$household.$id == householdID).sort(\.$receivedAt, .descending).all()
        )
    }
}
