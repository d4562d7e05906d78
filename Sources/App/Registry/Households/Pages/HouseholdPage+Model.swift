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
            return PersonalField.display(value, field: field, full: revealed)
        }
    }

    /// Every query here is a `HouseholdStore` read: this page is the one opened most, by every role.
    static func query(id: UUID?, reveal: Bool, on request: Request) async throws -> Model {
        let user = try request.requireUser()
        let database = request.db
        guard let id, let household = try await HouseholdStore.household(id, in: user.scope, on: database)
        else { throw AppError.recordNotFound }
        let members = try await HouseholdStore.members(ofHousehold: id, on: database)
            .sorted { RelationToHead.order($0.relation) < RelationToHead.order($1.relation) }
        let incomes = try await HouseholdStore.incomes(ofHousehold: id, on: database)
        let lineage = try await AreaDirectory.lineage(of: household.groupCode ?? household.villageCode, on: database)
        let revealed = reveal && user.role.seesFullPersonalData
        if revealed {
            try await AuditLog.record(
                .viewPersonalData, entityType: Household.auditEntityType, entityID: id.uuidString,
                areaCode: household.villageCode, summary: "查看完整个人信息（户编号 \(household.householdNumber)）",
                actor: request.auditActor, at: request.now, on: database
            )
        }
        let guarantees = try await HouseholdStore.guarantees(ofHousehold: id, on: database)
        let visits = try await HouseholdStore.recentVisits(ofHousehold: id, on: database)
        let contact = try await HouseholdStore.currentContact(ofHousehold: id, on: database)
        var candidates: [User] = []
        if user.role.may(.assignContacts) {
            candidates = try await HouseholdStore.contactCandidates(inVillage: household.villageCode, on: database)
        }
        let leads = !user.role.canReadLeads ? [] : try await HouseholdStore.leads(ofHousehold: id, on: database)
        return Model(
            user: user, household: household, members: members, incomes: incomes,
            areaPath: lineage.suffix(4).map(\.name).joined(separator: " / "),
            revealed: revealed, canReveal: user.role.seesFullPersonalData,
            history: try await AuditRow.history(
                entityType: Household.auditEntityType, entityID: id.uuidString, revealed: revealed, on: database),
            guarantees: guarantees, visits: visits, contact: contact, contactCandidates: candidates,
            canEdit: user.role.may(.editRegistry),
            canVisit: user.role.may(.reportRisks),
            leads: leads
        )
    }
}
