import Domain
import Fluent
import Foundation

/// 线索登记: a hotline operator's or cadre's entry of a household's request or a report from social supervision,
/// checked and filed as a lead source (`LeadIntake`), and audited on the household.
enum LeadEntryService {
    /// The channels a lead may be entered by hand on.
    static let channels: [LeadChannel] = [.selfReport, .hotline, .cadreVisit, .socialSupervision]

    /// Checks and files a manually entered signal as a lead source.
    static func file(
        channel rawChannel: String, risk rawRisk: String, description: String, reporter: String,
        household: Household, user: CurrentUser, actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> LeadIntake.Outcome {
        let today = ChinaTime.civilDate(of: now)
        var problems: [FieldProblem] = []
        let channel = LeadChannel(rawValue: rawChannel)
        if channel == nil || !channels.contains(channel ?? .screening) {
            problems.append(.init(field: "channel", message: "请选择线索渠道。"))
        }
        let risk = RiskType(rawValue: rawRisk)
        if risk == nil || !(risk?.validity.contains(today) ?? false) {
            problems.append(.init(field: "risk", message: "请选择现行的风险类型。"))
        }
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.append(.init(field: "description", message: "请写明反映的情况。")) }
        if text.count > 1_000 { problems.append(.init(field: "description", message: "情况说明不能超过 1000 字。")) }
        let who = reporter.trimmingCharacters(in: .whitespacesAndNewlines)
        if who.count > 50 { problems.append(.init(field: "reporter", message: "反映人不能超过 50 字。")) }
        guard problems.isEmpty, let channel, let risk else { throw ValidationFailure(problems: problems) }
        let signal = LeadSignal(
            householdID: try household.requireID(), villageCode: household.villageCode, riskType: risk,
            channel: channel,
            reference: "entry:\(user.username)", ruleKind: nil, ruleVersion: nil,
            values: ["反映人": who.isEmpty ? "农户本人" : who],
            message: text, reporter: "\(user.displayName)登记",
            fingerprint: LeadIntake.fingerprint(channel.rawValue, risk.rawValue, text)
        )
        let outcome = try await database.transaction { database in
            try await LeadIntake.receive(
                [signal], at: now, policies: try await LeadPolicies.table(on: database), calendar: calendar,
                on: database
            ).first ?? .repeated
        }
        try await AuditLog.record(
            .create, entityType: Household.auditEntityType, entityID: try household.requireID().uuidString,
            areaCode: household.villageCode, summary: "登记\(channel.label)线索：\(risk.label)",
            after: ["channel": channel.rawValue, "risk": risk.rawValue, "description": text],
            actor: actor, at: now, on: database)
        return outcome
    }
}
