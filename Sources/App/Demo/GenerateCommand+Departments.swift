import Domain
import Fluent
import Foundation
import SQLKit

/// Department records for a generated registry, written by one INSERT … SELECT over the members: every k-th member
/// (in identity-number order) gets one record, its kind, date and amount drawn from the row number with fixed
/// multipliers, so the same registry always gets the same records. Nine in ten are medical self-payments, most of
/// them small, as in a real medical-insurance feed; the other kinds come a few per thousand households a year.
enum GeneratedDepartmentData {
    /// Shares per thousand records.
    static let mix: [(DepartmentEventKind, Int)] = [
        (.medicalSelfPay, 900), (.seriousIllness, 10), (.minimumLiving, 10), (.extremePoverty, 2), (.disability, 8), (.enrolment, 30),
        (.housingRating, 10), (.disasterDamage, 15), (.unemployment, 12), (.waterUnsafe, 3),
    ]

    /// Writes up to `count` records dated within 540 days before `day`; returns how many were written.
    static func write(count: Int, through day: CivilDate, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase, count > 0 else { return 0 }
        let members = try await Member.query(on: database).count()
        guard members > 0 else { return 0 }
        let stride = max(1, members / count)
        var batches: [DepartmentEventKind: UUID] = [:]
        let now = Date()
        for (kind, _) in mix {
            let batch = DepartmentBatch()
            batch.department = kind.department.rawValue
            batch.kind = kind.rawValue
            batch.source = "upload"
            batch.fileName = "generated-\(kind.rawValue).csv"
            batch.fileSHA256 = "generated"
            batch.receivedAt = now
            batch.username = "generate"
            batch.areaCode = "000000000000"
            batch.status = "accepted"
            (batch.rowCount, batch.newEvents, batch.repeatedEvents, batch.matched, batch.unmatched) = (0, 0, 0, 0, 0)
            batch.problemsJSON = "[]"
            batch.unmatchedJSON = "[]"
            try await batch.create(on: database)
            batches[kind] = try batch.requireID()
        }
        var cumulative = 0
        var kindCases: [SQLQueryString] = []
        var batchCases: [SQLQueryString] = []
        for (kind, share) in mix {
            cumulative += share
            kindCases.append("WHEN pick < \(literal: cumulative) THEN \(literal: kind.rawValue)")
            batchCases.append("WHEN \(literal: kind.rawValue) THEN \(bind: batches[kind] ?? UUID())")
        }
        let postgres = sql.dialect.name == "postgresql"
        let id: SQLQueryString = postgres
            ? "('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid"
            : "printf('00000000-0000-4000-8000-%012x', n)"
        let date: SQLQueryString = postgres
            ? "to_char(DATE \(literal: day.description) - (days)::int, 'YYYY-MM-DD')"
            : "date(\(literal: day.description), '-' || days || ' days')"
        // 95 % of amounts under 10,000 yuan, 4.5 % up to 50,000, 0.5 % up to 150,000 (in fen).
        let amount: SQLQueryString = """
            CASE WHEN kind NOT IN ('medicalSelfPay', 'disasterDamage') THEN NULL
                 WHEN tier < 950 THEN (n * 104729) % 1000000
                 WHEN tier < 995 THEN 1000000 + (n * 15485863) % 4000000
                 ELSE 5000000 + (n * 32452843) % 10000000 END
            """
        try await sql.raw("""
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
            """).run()
        return try await DepartmentEventRecord.query(on: database).filter(\.$fingerprint >= "generated:").filter(\.$fingerprint < "generated;").count()
    }
}
