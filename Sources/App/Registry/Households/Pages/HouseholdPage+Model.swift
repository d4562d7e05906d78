import Domain
import Fluent
import SQLKit
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

    /// Every query here is plain SQL read with `PlainRowModel`: this page is the one opened most, by every role.
    static func query(id: UUID?, reveal: Bool, on request: Request) async throws -> Model {
        let user = try request.requireUser()
        let database = request.db
        guard let id, let household = try await database.plainRows(Household.self, """
            WHERE households.id = \(bind: id) AND \(user.scope.householdPredicate())
            """).first
        else { throw Abort(.notFound, reason: "未找到该记录。") }
        let members = try await database.plainRows(Member.self, "WHERE household_id = \(bind: id) ORDER BY birth_date")
            .sorted { RelationToHead.order($0.relation) < RelationToHead.order($1.relation) }
        let incomes = try await database.plainRows(IncomeRecord.self, "WHERE household_id = \(bind: id) ORDER BY period_start")
        let lineage = try await AreaDirectory.lineage(of: household.groupCode ?? household.villageCode, on: database)
        let revealed = reveal && user.role.seesFullPersonalData
        if revealed {
            try await AuditLog.record(
                .viewPersonalData, entityType: Household.auditEntityType, entityID: id.uuidString,
                areaCode: household.villageCode, summary: "查看完整个人信息（户编号 \(household.householdNumber)）",
                actor: request.auditActor, at: request.now, on: database
            )
        }
        let guarantees = try await database.plainRows(GuaranteeRecord.self, """
            WHERE household_id = \(bind: id) ORDER BY assessed_on DESC, created_at DESC
            """)
        let visits = try await database.plainRows(Visit.self, "WHERE household_id = \(bind: id) ORDER BY visited_on DESC LIMIT 20")
        let contact = try await database.plainRows(User.self, """
            JOIN contact_assignments ON contact_assignments.user_id = users.id
            WHERE contact_assignments.household_id = \(bind: id) AND contact_assignments.ended_on IS NULL LIMIT 1
            """).first
        var candidates: [User] = []
        if HouseholdAction.assignContact.isAllowed(for: user.role) {
            candidates = try await database.plainRows(User.self, """
                WHERE role = \(bind: Role.contact.rawValue) AND area_code = \(bind: household.villageCode) AND is_active = \(bind: true)
                ORDER BY display_name
                """)
        }
        let leads = !user.role.canReadLeads ? [] : try await database.plainRows(RiskLead.self, """
            WHERE household_id = \(bind: id) ORDER BY received_at DESC
            """)
        return Model(
            user: user, household: household, members: members, incomes: incomes,
            areaPath: lineage.suffix(4).map(\.name).joined(separator: " / "),
            revealed: revealed, canReveal: user.role.seesFullPersonalData,
            history: try await AuditRow.history(entityType: Household.auditEntityType, entityID: id.uuidString, revealed: revealed, on: database),
            guarantees: guarantees, visits: visits, contact: contact, contactCandidates: candidates,
            canEdit: HouseholdAction.editRegistry.isAllowed(for: user.role),
            canVisit: HouseholdAction.recordVisit.isAllowed(for: user.role),
            leads: leads
        )
    }
}
