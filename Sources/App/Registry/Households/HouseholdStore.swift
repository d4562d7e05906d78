import Domain
import Fluent
import SQLKit
import Vapor

/// The household page's reads. Every query here is plain SQL read with `PlainRowModel`: that page is the one opened
/// most, by every role.
enum HouseholdStore {
    /// The household with this id inside the scope; nil when there is none or it lies outside.
    static func household(_ id: UUID, in scope: AccessScope, on database: any Database) async throws -> Household? {
        try await database.plainRows(
            Household.self,
            """
            WHERE households.id = \(bind: id) AND \(scope.householdPredicate())
            """
        ).first
    }

    /// The household's members, eldest first.
    static func members(ofHousehold id: UUID, on database: any Database) async throws -> [Member] {
        try await database.plainRows(Member.self, "WHERE household_id = \(bind: id) ORDER BY birth_date")
    }

    /// The household's income records, oldest period first.
    static func incomes(ofHousehold id: UUID, on database: any Database) async throws -> [IncomeRecord] {
        try await database.plainRows(IncomeRecord.self, "WHERE household_id = \(bind: id) ORDER BY period_start")
    }

    /// The household's guarantee assessments, newest first.
    static func guarantees(ofHousehold id: UUID, on database: any Database) async throws -> [GuaranteeRecord] {
        try await database.plainRows(
            GuaranteeRecord.self,
            """
            WHERE household_id = \(bind: id) ORDER BY assessed_on DESC, created_at DESC
            """)
    }

    /// The household's 20 latest visits, newest first.
    static func recentVisits(ofHousehold id: UUID, on database: any Database) async throws -> [Visit] {
        try await database.plainRows(Visit.self, "WHERE household_id = \(bind: id) ORDER BY visited_on DESC LIMIT 20")
    }

    /// The contact (联系人) assigned to the household now, if any.
    static func currentContact(ofHousehold id: UUID, on database: any Database) async throws -> User? {
        try await database.plainRows(
            User.self,
            """
            JOIN contact_assignments ON contact_assignments.user_id = users.id
            WHERE contact_assignments.household_id = \(bind: id) AND contact_assignments.ended_on IS NULL LIMIT 1
            """
        ).first
    }

    /// The active contacts of a village who may be assigned to its households, by name.
    static func contactCandidates(inVillage villageCode: String, on database: any Database) async throws -> [User] {
        try await database.plainRows(
            User.self,
            """
            WHERE role = \(bind: Role.contact.rawValue) AND area_code = \(bind: villageCode) AND is_active = \(bind: true)
            ORDER BY display_name
            """)
    }

    /// The household's risk leads, newest first.
    static func leads(ofHousehold id: UUID, on database: any Database) async throws -> [RiskLead] {
        try await database.plainRows(
            RiskLead.self,
            """
            WHERE household_id = \(bind: id) ORDER BY received_at DESC
            """)
    }
}
