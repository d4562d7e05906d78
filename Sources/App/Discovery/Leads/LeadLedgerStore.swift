import Domain
import Fluent
import SQLKit
import Vapor

/// The SQL of the 风险线索台账: which leads a ledger lists, counted, paged and read as plain rows with their households.
enum LeadLedgerStore {
    /// The leads a ledger lists: those of `scope`, of one state (`open`: any open state) and of one channel when given.
    struct Selection {
        var scope: AccessScope
        var state: String?
        var channel: String?
    }

    /// An open lead's current step, to tell its urgency.
    struct OpenDeadline: Decodable {
        let id: UUID
        let state: String
        let village_code: String
        let step_started_at: Date
        let step_due_at: Date
    }

    private struct LeadID: Decodable { let id: UUID }
    private struct Count: Decodable { let count: Int }

    /// How many leads the selection holds.
    static func count(_ selection: Selection, on database: any Database) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS count FROM risk_leads WHERE \(condition(selection))").first(
            decoding: Count.self)?.count ?? 0
    }

    /// One page of the selection, newest first. Plain rows: this page lists a hundred leads with their households,
    /// and Fluent's decoding of those two hundred models was half of its CPU time.
    static func page(
        _ selection: Selection, limit: Int, offset: Int, on database: any Database
    ) async throws -> [RiskLead] {
        try await database.plainRows(
            RiskLead.self,
            """
            WHERE \(condition(selection)) ORDER BY received_at DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """)
    }

    /// The ids of every lead of the selection, in the ledger's order.
    static func ids(_ selection: Selection, on database: any Database) async throws -> [UUID] {
        try await database.sql.raw(
            "SELECT id FROM risk_leads WHERE \(condition(selection)) ORDER BY received_at DESC, id"
        )
        .all(decoding: LeadID.self).map(\.id)
    }

    /// The open leads' current steps in the selection, newest lead first.
    static func openDeadlines(_ selection: Selection, on database: any Database) async throws -> [OpenDeadline] {
        try await database.sql.raw(
            """
            SELECT id, state, village_code, step_started_at, step_due_at FROM risk_leads
            WHERE \(condition(selection)) AND state IN (\(binds: LeadIntake.openStates)) ORDER BY received_at DESC, id
            """
        ).all(decoding: OpenDeadline.self)
    }

    /// The ids of the leads of `scope` received in `[from, to)`, oldest first.
    static func receivedIDs(
        in scope: AccessScope, from: Date, to: Date, on database: any Database
    ) async throws -> [UUID] {
        try await database.sql.raw(
            """
            SELECT id FROM risk_leads WHERE \(scope.leadPredicate()) AND received_at >= \(bind: from) AND received_at < \(bind: to)
            ORDER BY received_at, id
            """
        ).all(decoding: LeadID.self).map(\.id)
    }

    /// These leads, in no particular order.
    static func leads(_ ids: [UUID], on database: any Database) async throws -> [RiskLead] {
        try await database.plainRows(RiskLead.self, "WHERE \(BoundIDList(ids, sql: try database.sql).contains("id"))")
    }

    /// These households, in no particular order.
    static func households(_ ids: Set<UUID>, on database: any Database) async throws -> [Household] {
        let ids = BoundIDList(ids, sql: try database.sql)
        return try await database.plainRows(Household.self, "WHERE \(ids.contains("households.id"))")
    }

    private static func condition(_ selection: Selection) -> SQLQueryString {
        var conditions: [SQLQueryString] = [selection.scope.leadPredicate()]
        if let state = selection.state, !state.isEmpty {
            conditions.append(state == "open" ? "state IN (\(binds: LeadIntake.openStates))" : "state = \(bind: state)")
        }
        if let channel = selection.channel, !channel.isEmpty { conditions.append("channel = \(bind: channel)") }
        return conditions.joined(separator: " AND ")
    }
}
