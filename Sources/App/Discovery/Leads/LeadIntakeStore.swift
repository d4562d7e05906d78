import Domain
import Fluent
import Foundation
import SQLKit

/// The SQL of 线索受理 (`LeadIntake`): what the households a batch of signals concerns already hold, and the source
/// counts of the leads they corroborate.
enum LeadIntakeStore {
    struct PastLeadRow: Decodable {
        let id: UUID
        let household_id: UUID
        let risk_type: String
        let state: String
        let closed_at: Date?
    }

    /// Every lead of the households, open and closed.
    static func leads(of households: BoundIDList, sql: any SQLDatabase) async throws -> [PastLeadRow] {
        try await sql.raw(
            """
            SELECT id, household_id, risk_type, state, closed_at FROM risk_leads WHERE \(households.contains("household_id"))
            """
        ).all(decoding: PastLeadRow.self)
    }

    /// The findings (source fingerprints) each of the leads holds.
    static func findings(of leads: some Sequence<UUID>, sql: any SQLDatabase) async throws -> [UUID: Set<String>] {
        var findings: [UUID: Set<String>] = [:]
        for source in try await PackedRecords.rows(
            ["lead_id", "fingerprint"],
            from: """
                lead_sources WHERE \(BoundIDList(leads, sql: sql).contains("lead_id"))
                """, sql: sql)
        {
            guard let lead = source[0].flatMap({ Hex.uuid($0.utf8) }) else { continue }
            findings[lead, default: []].insert(source[1] ?? "")
        }
        return findings
    }

    /// Those of the households under monitoring.
    static func monitored(among households: BoundIDList, sql: any SQLDatabase) async throws -> Set<UUID> {
        var monitored = Set<UUID>()
        for row in try await PackedRecords.rows(
            ["id"],
            from: """
                households WHERE \(households.contains("id")) AND monitoring_status = \(bind: HouseholdMonitoringStatus.monitored.rawValue)
                """, sql: sql)
        {
            if let id = row[0].flatMap({ Hex.uuid($0.utf8) }) { monitored.insert(id) }
        }
        return monitored
    }

    /// The findings already attached to the households' cases, as `household|fingerprint`.
    static func informed(among households: BoundIDList, sql: any SQLDatabase) async throws -> Set<String> {
        var informed = Set<String>()
        for row in try await PackedRecords.rows(
            ["household_id", "fingerprint"],
            from: """
                case_information WHERE \(households.contains("household_id"))
                """, sql: sql)
        {
            guard let household = row[0].flatMap({ Hex.uuid($0.utf8) }) else { continue }
            informed.insert("\(household)|\(row[1] ?? "")")
        }
        return informed
    }

    /// Source counts grow by how many sources each lead received: one statement per increment.
    static func addSources(_ corroborated: [UUID: Int], at now: Date, sql: any SQLDatabase) async throws {
        for (increment, leads) in Dictionary(grouping: corroborated.keys, by: { corroborated[$0] ?? 0 }) {
            try await sql.update(RiskLead.schema)
                .set(
                    SQLColumn("source_count"),
                    to: SQLBinaryExpression(SQLColumn("source_count"), .add, SQLBind(increment))
                )
                .set("updated_at", to: now)
                .where(BoundIDList(leads, sql: sql).contains("id"))
                .run()
        }
    }
}
