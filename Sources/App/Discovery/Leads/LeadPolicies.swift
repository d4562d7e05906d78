import Domain
import Fluent
import Foundation

extension LeadDeadlinePolicyRecord {
    convenience init(_ row: EffectiveDated<LeadDeadlinePolicy>, source: String, createdBy: String) {
        self.init()
        scopeCode = row.scope?.value
        effectiveFrom = row.effectiveFrom.description
        effectiveTo = row.effectiveTo?.description
        valueJSON = (try? JSONEncoder().encode(row.value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        self.source = source
        self.createdBy = createdBy
    }

    var row: EffectiveDated<LeadDeadlinePolicy>? {
        guard let from = CivilDate(effectiveFrom),
            let value = try? JSONDecoder().decode(LeadDeadlinePolicy.self, from: Data(valueJSON.utf8))
        else { return nil }
        return EffectiveDated(
            scope: scopeCode.flatMap(AreaCode.init), effectiveFrom: from,
            effectiveTo: effectiveTo.flatMap(CivilDate.init), value: value)
    }
}

/// 线索办理时限 in force: read from the administered rows at every computation (intake, each step, urgency), never
/// from a copy in code.
enum LeadPolicies {
    static func table(on database: any Database) async throws -> PolicyTable<LeadDeadlinePolicy> {
        let rows = try await LeadDeadlinePolicyRecord.query(on: database).all().compactMap(\.row)
        do {
            return try PolicyTable(rows: rows)
        } catch {
            throw ScreeningConfigurationError(message: "线索办理时限配置有误：\(error.message)")
        }
    }

    /// The policy for a lead in `village` on `date`; an area no row covers is a configuration error, said so.
    static func resolve(
        _ table: PolicyTable<LeadDeadlinePolicy>, village: String, on date: CivilDate
    ) throws -> LeadDeadlinePolicy {
        guard let policy = table.value(at: AreaCode(village), on: date) else {
            throw ScreeningConfigurationError(message: "区划 \(village) 在 \(date) 没有生效的线索办理时限，请管理员在“政策参数”中配置。")
        }
        return policy
    }

    /// How the lead's current step stands, with the thresholds of the policy in force in its village today.
    static func urgency(of lead: RiskLead, now: Date, table: PolicyTable<LeadDeadlinePolicy>) -> LeadUrgency? {
        urgency(
            state: lead.state, village: lead.villageCode, due: lead.stepDueAt, started: lead.stepStartedAt, now: now,
            table: table)
    }

    static func urgency(
        state: String, village: String, due: Date, started: Date, now: Date,
        table: PolicyTable<LeadDeadlinePolicy>
    ) -> LeadUrgency? {
        guard LeadIntake.openStates.contains(state) else { return nil }
        guard let policy = table.value(at: AreaCode(village), on: ChinaTime.civilDate(of: now)) else {
            return now < due ? .onTime : .overdue
        }
        return policy.urgency(due: due, started: started, now: now)
    }
}
