import Domain
import Foundation
import SQLKit

/// The SQL that writes a generated registry's department records (`GeneratedDepartmentData`).
enum DemoDepartmentStore {
    /// One INSERT … SELECT over the members: every `stride`-th member in identity-number order, up to `count`, gets
    /// one record of a kind drawn by `mix` (shares per thousand) into that kind's batch, dated within 540 days before
    /// `day`.
    static func insertEvents(
        mix: [(DepartmentEventKind, Int)], batches: [DepartmentEventKind: UUID], everyNthMember stride: Int,
        upTo count: Int, through day: CivilDate, createdAt now: Date, sql: any SQLDatabase
    ) async throws {
        var cumulative = 0
        var kindCases: [SQLQueryString] = []
        var batchCases: [SQLQueryString] = []
        for (kind, share) in mix {
            cumulative += share
            kindCases.append("WHEN pick < \(literal: cumulative) THEN \(literal: kind.rawValue)")
            batchCases.append("WHEN \(literal: kind.rawValue) THEN \(bind: batches[kind] ?? UUID())")
        }
        let postgres = sql.engine == .postgresql
        let id: SQLQueryString =
            postgres
            ? "('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid"
            : "printf('00000000-0000-4000-8000-%012x', n)"
        let date: SQLQueryString =
            postgres
            ? "to_char(DATE \(literal: day.description) - (days)::int, 'YYYY-MM-DD')"
            : "date(\(literal: day.description), '-' || days || ' days')"
        // 95 % of amounts under 10,000 yuan, 4.5 % up to 50,000, 0.5 % up to 150,000 (in fen).
        let amount: SQLQueryString = """
            CASE WHEN kind NOT IN ('medicalSelfPay', 'disasterDamage') THEN NULL
                 WHEN tier < 950 THEN (n * 104729) % 1000000
                 WHEN tier < 995 THEN 1000000 + (n * 15485863) % 4000000
                 ELSE 5000000 + (n * 32452843) % 10000000 END
            """
        try await sql.raw(
            """
            INSERT INTO department_events (id, batch_id, kind, id_number, person_name, event_date, amount, grade, level, note,
                member_id, household_id, fingerprint, created_at)
            SELECT \(id), CASE kind \(batchCases.joined(separator: " ")) END, kind, id_number, name, \(date), \(amount),
                CASE kind WHEN 'disability' THEN CAST((n % 4) + 1 AS TEXT)
                          WHEN 'housingRating' THEN CASE n % 10 WHEN 0 THEN 'C' WHEN 1 THEN 'D' ELSE 'B' END END,
                CASE kind WHEN 'enrolment' THEN CASE n % 3 WHEN 0 THEN 'bachelor' WHEN 1 THEN 'higherVocational' ELSE 'seniorHigh' END END,
                '', member_id, household_id, 'generated:' || CAST(n AS TEXT), \(bind: now)
            FROM (
                SELECT n, member_id, household_id, id_number, name, (n * 7919) % 540 AS days, (n * 15487469) % 1000 AS tier,
                    CASE \(kindCases.joined(separator: " ")) END AS kind
                FROM (
                    SELECT n, member_id, household_id, id_number, name, (n * 37) % 1000 AS pick FROM (
                        SELECT ROW_NUMBER() OVER (ORDER BY id_number) AS n, id AS member_id, household_id, id_number, name FROM members
                    ) numbered WHERE n % \(literal: stride) = 0 LIMIT \(literal: count)
                ) picked
            ) drawn
            """
        ).run()
    }
}
