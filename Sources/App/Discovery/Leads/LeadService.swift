import Domain
import Fluent
import Foundation
import Vapor

/// 线索办理: one level's decision on a lead, checked by `LeadWorkflow`, with the next step's deadline from the lead
/// policy in force in the lead's village, the step recorded and the change audited. The web page, the API and the demo
/// call this one use case.
enum LeadService {
    /// A lead may be merged into an open or included lead: one that is itself closed another way names no live case.
    static func canMerge(into target: RiskLead) -> Bool {
        LeadIntake.openStates.contains(target.state) || target.state == LeadState.included.rawValue
    }

    /// The lead a merge names, checked: a lead inside `scope`, not this one, open or included.
    static func mergeTarget(
        _ reference: String, for lead: RiskLead, scope: AccessScope, on database: any Database
    ) async throws -> RiskLead {
        let refused = ValidationFailure(problems: [.init(field: "reference", message: "请选择要并入的线索：须是本辖区内办理中或已纳入的另一条线索。")]
        )
        guard let id = UUID(uuidString: reference.trimmingCharacters(in: .whitespaces)), id != lead.id,
            let target = try await RiskLead.restrict(RiskLead.query(on: database), to: scope).filter(\.$id == id)
                .first(),
            canMerge(into: target)
        else { throw refused }
        return target
    }

    static func apply(
        _ action: LeadAction, to lead: RiskLead, by user: CurrentUser, actor: AuditLog.Actor, at now: Date,
        calendar: WorkingDayCalendar, on database: any Database
    ) async throws {
        try user.require(.readLeads)
        guard let state = lead.leadState else { throw AppError.invalidLeadState }
        let next: LeadState
        switch LeadWorkflow.apply(action, to: state, by: user.role) {
        case let .failure(error): throw ValidationFailure(problems: [.init(field: "text", message: error.message)])
        case let .success(success): next = success
        }
        let leadID = try lead.requireID()
        let policy = try LeadPolicies.resolve(
            try await LeadPolicies.table(on: database), village: lead.villageCode, on: ChinaTime.civilDate(of: now))
        var mergedInto: String?
        if case let .mergeInto(reference, _) = action {
            mergedInto = try await mergeTarget(reference, for: lead, scope: user.scope, on: database).id?.uuidString
                .lowercased()
        }
        var outcomeReason = action.text
        if case let .townshipConfirmRejection(opinion) = action {
            // The reason is the village's; the township's opinion is added to it.
            let proposal = try await LeadStep.query(on: database).filter(\.$lead.$id == leadID)
                .filter(\.$level == LeadLevel.village.rawValue).sort(\.$at, .descending).first()
            outcomeReason = [proposal?.opinion ?? "", opinion.isEmpty ? "" : "乡镇意见：\(opinion)"].filter { !$0.isEmpty }
                .joined(separator: "；")
        }
        let (merged, reason) = (mergedInto, outcomeReason)
        try await database.transaction { database in
            let before = ["state": lead.state]
            lead.state = next.rawValue
            if let level = next.level, let channel = lead.leadChannel {
                lead.stepStartedAt = now
                lead.stepDueAt =
                    policy.due(
                        channel: channel, level: level, stepStarted: now, received: lead.receivedAt, calendar: calendar)?
                    .due ?? now
            } else {
                lead.closedAt = now
                lead.mergedInto = merged
                if next == .rejected || next == .merged { lead.outcomeReason = reason }
            }
            try await lead.save(on: database)
            let step = LeadStep()
            step.$lead.id = leadID
            step.level = (state.level ?? .county).rawValue
            step.action = action.label
            step.actorID = user.id
            step.actorName = user.displayName
            step.opinion = action.text
            step.at = now
            try await step.create(on: database)
            var after = ["state": next.rawValue, "opinion": action.text]
            if let merged { after["merged_into"] = merged }
            try await AuditLog.record(
                .update, entityType: "risk_lead", entityID: leadID.uuidString, areaCode: lead.villageCode,
                summary: "线索\(action.label)：\(next.label)", before: before, after: after,
                reason: action.text.isEmpty ? nil : action.text, actor: actor, at: now, on: database)
        }
    }
}
