import Domain
import Fluent
import Vapor

/// 农户与成员维护: the use cases behind the registry edit forms — a household's own columns, a member added or edited,
/// a member's departure. Every save is checked like an imported row, then against the household (one head, one spouse,
/// one registration per person), and written with its audit record in one transaction, with the user, the time and
/// the database given, never a request. A refused save throws `ValidationFailure` and changes nothing.
enum RegistryEditService {
    /// Checks the household's edited columns and saves them; edits that change nothing save nothing.
    static func updateHousehold(
        _ household: Household, edits: [RegistryColumn: String], today: CivilDate, actor: AuditLog.Actor,
        at now: Date, on database: any Database
    ) async throws {
        guard let fields = household.registryFields,
            let template = try await templateMember(of: household, on: database)
        else {
            throw AppError.incompleteHousehold
        }
        let newFields: HouseholdFields
        switch RegistryForm.parse(household: fields, member: template, edits: edits, today: today) {
        case let .success((parsed, _)): newFields = parsed
        case let .failure(failure): throw ValidationFailure(problems: failure.problems)
        }
        if newFields != fields {
            try await database.transaction { database in
                let before = household.auditSnapshot
                household.apply(newFields)
                household.version += 1
                try await household.save(on: database)
                try await AuditLog.recordChange(
                    of: household, before: before, summary: "修改户信息", actor: actor, at: now, on: database)
            }
        }
    }

    /// The head (or any present member) to stand in for the member columns when only household columns change.
    private static func templateMember(
        of household: Household, on database: any Database
    ) async throws -> MemberRecord? {
        let members = try await Member.query(on: database).filter(\.$household.$id == household.requireID()).filter(
            \.$departedOn == nil
        ).all()
        return (members.first { $0.relation == RelationToHead.head.rawValue } ?? members.first)?.registryRecord
    }
}
