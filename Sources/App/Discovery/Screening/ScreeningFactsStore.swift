import Domain
import Fluent
import Foundation
import SQLKit

/// 筛查事实表: keeps `screening_facts` current. Triggers log every household whose registry rows change
/// (`screening_changes`); a refresh recomputes the facts of the logged households with one set-based statement,
/// or of every household when the income year rolls over or the log is long. Screening refreshes before it reads,
/// so it never sees stale facts, and it reads one narrow row per household instead of joining five tables.
enum ScreeningFactsStore {
    static let factsCursor = "facts"
    static let screenedCursor = "screened"
    /// Above this many logged changes a full rebuild is cheaper than a refresh by household.
    static let fullRebuildThreshold = 200_000

    private struct CursorRow: Decodable { let seq: Int64; let income_year: Int? }
    private struct SeqRow: Decodable { let seq: Int64? }

    /// Brings the facts up to date for screening in `incomeYear` (the last complete year) and returns the log
    /// position they reflect.
    @discardableResult
    static func refresh(incomeYear: Int, on database: any Database) async throws -> Int64 {
        guard database is any SQLDatabase else { return 0 }
        // One transaction on one connection (the caller's, when it holds one).
        return try await database.withBulkTransaction { database in
            guard let sql = database as? any SQLDatabase else { return 0 }
            let cursor = try await self.cursor(factsCursor, on: sql)
            // The log may be pruned empty: the cursor then still holds the high-water mark.
            let latest = max(try await latestChange(on: sql), cursor?.seq ?? 0)
            if let cursor, cursor.income_year == incomeYear, cursor.seq == latest { return latest }
            if let cursor, cursor.income_year == incomeYear, latest - cursor.seq <= fullRebuildThreshold {
                // Rewritten in place: a deleted household's facts go with it (ON DELETE CASCADE), and an update leaves
                // the key and its index entry where they are, where a delete and an insert would move both.
                let changed: SQLQueryString =
                    "SELECT household_id FROM screening_changes WHERE seq > \(bind: cursor.seq) AND seq <= \(bind: latest)"
                try await sql.raw(
                    insertStatement(year: incomeYear, households: "h.id IN (\(changed))") + " " + upsertClause
                ).run()
                // The village apart: setting it, even to the same value, rewrites the household's entry in the village
                // index, a page of its own for each household; households rarely move.
                try await sql.raw(
                    """
                    UPDATE screening_facts SET village_code = h.village_code FROM households h
                    WHERE h.id = screening_facts.household_id AND screening_facts.household_id IN (\(changed))
                    AND screening_facts.village_code <> h.village_code
                    """
                ).run()
            } else {
                try await sql.raw("DELETE FROM screening_facts").run()
                try await sql.raw(insertStatement(year: incomeYear, households: "1 = 1")).run()
            }
            try await setCursor(factsCursor, to: latest, incomeYear: incomeYear, on: sql)
            try await prune(on: sql)
            return latest
        }
    }

    /// The households logged as changed since the incremental screening last ran, with their villages (facts
    /// refreshed first), and the log position to mark as screened once they have been.
    static func changedSinceScreening(
        incomeYear: Int, on database: any Database
    ) async throws -> (households: [(id: UUID, village: String)], through: Int64) {
        let through = try await refresh(incomeYear: incomeYear, on: database)
        guard let sql = database as? any SQLDatabase else { return ([], 0) }
        let from = try await cursor(screenedCursor, on: sql)?.seq ?? 0
        // Packed: ten thousand rows decoded one by one through the driver cost a tenth of a second.
        let rows = try await PackedRecords.rows(
            ["household_id", "village_code"],
            from: """
                screening_facts WHERE household_id IN
                    (SELECT household_id FROM screening_changes WHERE seq > \(bind: from) AND seq <= \(bind: through))
                """, sql: sql)
        return (
            rows.compactMap { row in
                guard let id = row[0].flatMap({ Hex.uuid($0.utf8) }), let village = row[1] else { return nil }
                return (id, village)
            }, through
        )
    }

    static func markScreened(through seq: Int64, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await setCursor(screenedCursor, to: seq, incomeYear: nil, on: sql)
        try await prune(on: sql)
    }

    /// Marks every logged change as read by both the facts and the incremental screening, after a generator has
    /// written a registry that is screened in full afterwards.
    static func markAllCurrent(incomeYear: Int, on database: any Database) async throws {
        try await markScreened(through: try await refresh(incomeYear: incomeYear, on: database), on: database)
    }

    /// The facts columns besides the key and the village (set apart, see `refresh`), each taken from the row the
    /// insert proposed when the household already has facts, and only when one of them differs: a logged change need
    /// not change the facts (a department record arriving, an edit of a name), and an unchanged row is not rewritten.
    private static let upsertClause: SQLQueryString = {
        let columns = ScreeningFactsRow.storedColumns.filter { $0 != "household_id" && $0 != "village_code" }
        return """
            ON CONFLICT (household_id) DO UPDATE SET \(unsafeRaw: columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE \(unsafeRaw: columns.map { "screening_facts.\($0) IS DISTINCT FROM excluded.\($0)" }.joined(separator: " OR "))
            """
    }()

    private static func insertStatement(year: Int, households filter: SQLQueryString) -> SQLQueryString {
        let rigid = { (alias: String) -> SQLQueryString in
            "\(unsafeRaw: alias).medical_self_pay + \(unsafeRaw: alias).schooling_cost + \(unsafeRaw: alias).disaster_loss + \(unsafeRaw: alias).other_rigid"
        }
        let latest = { (kind: GuaranteeKind, column: String) -> SQLQueryString in
            """
            (SELECT g.\(unsafeRaw: column) FROM guarantee_assessments g WHERE g.household_id = h.id AND g.kind = \(bind: kind.rawValue)
             ORDER BY g.assessed_on DESC, g.created_at DESC LIMIT 1)
            """
        }
        let members = { (condition: SQLQueryString) -> SQLQueryString in
            "FROM members m WHERE m.household_id = h.id AND \(condition)"
        }
        let current: SQLQueryString = "m.departed_on IS NULL"
        let child: SQLQueryString = "m.departed_on IS NULL AND m.relation IN (\(binds: ScreeningFactsRow.children))"
        let graded: SQLQueryString =
            "m.departed_on IS NULL AND m.disability_grade IS NOT NULL AND m.disability_graded_on IS NOT NULL"
        let largest = { (item: String, others: [String]) -> SQLQueryString in
            "cur.\(unsafeRaw: item) > 0\(unsafeRaw: others.map { " AND cur.\(item) >= cur.\($0)" }.joined())"
        }
        return """
            INSERT INTO screening_facts (\(unsafeRaw: ScreeningFactsRow.storedColumns.joined(separator: ", ")))
            SELECT h.id, h.household_number, h.village_code, h.group_code, h.grid_code, h.member_count,
                \(bind: year), cur.per_capita_net, pre.per_capita_net, cur.net_income, pre.net_income, \(rigid("cur")), \(rigid("pre")),
                (SELECT COUNT(*) \(members("\(child) AND m.school_status IN (\(binds: ScreeningFactsRow.higherEducation))"))),
                \(latest(.housingSafety, "housing_grade")), \(latest(.drinkingWater, "secured")),
                (SELECT COUNT(*) \(members("\(child) AND m.school_status IN (\(binds: ScreeningFactsRow.beyondCompulsory))"))),
                (SELECT MIN(m.birth_date) \(members("""
                    \(current) AND m.labour_capacity = \(bind: LabourCapacity.lost.rawValue)
                    AND (m.health LIKE \(bind: "%\(HealthCondition.seriousIllness.rawValue)%") OR m.health LIKE \(bind: "%\(HealthCondition.disability.rawValue)%"))
                    """))),
                (SELECT m.disability_grade \(members(graded)) ORDER BY m.disability_graded_on DESC, m.disability_grade LIMIT 1),
                (SELECT m.disability_graded_on \(members(graded)) ORDER BY m.disability_graded_on DESC, m.disability_grade LIMIT 1),
                (SELECT MAX(m.labour_lost_on) \(members(current))),
                (SELECT MAX(m.departed_on) \(members("m.departed_on IS NOT NULL AND m.labour_capacity IN (\(binds: ScreeningFactsRow.capable))"))),
                (SELECT COUNT(*) \(members("\(current) AND m.labour_capacity IN (\(binds: ScreeningFactsRow.capable))"))),
                CASE WHEN \(largest("medical_self_pay", ["schooling_cost", "disaster_loss", "other_rigid"])) THEN 'medical'
                    WHEN \(largest("schooling_cost", ["disaster_loss", "other_rigid"])) THEN 'schooling'
                    WHEN \(largest("disaster_loss", ["other_rigid"])) THEN 'disaster' WHEN cur.other_rigid > 0 THEN 'other' END
            FROM households h
            LEFT JOIN income_records cur ON cur.household_id = h.id
                AND cur.period_start = \(bind: "\(year)-01-01") AND cur.period_end = \(bind: "\(year)-12-31")
            LEFT JOIN income_records pre ON pre.household_id = h.id
                AND pre.period_start = \(bind: "\(year - 1)-01-01") AND pre.period_end = \(bind: "\(year - 1)-12-31")
            WHERE \(filter)
            """
    }

    private static func cursor(_ name: String, on sql: any SQLDatabase) async throws -> CursorRow? {
        try await sql.raw("SELECT seq, income_year FROM screening_cursors WHERE name = \(bind: name)").first(
            decoding: CursorRow.self)
    }

    private static func latestChange(on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("SELECT MAX(seq) AS seq FROM screening_changes").first(decoding: SeqRow.self)?.seq ?? 0
    }

    private static func setCursor(_ name: String, to seq: Int64, incomeYear: Int?, on sql: any SQLDatabase) async throws
    {
        try await sql.raw("DELETE FROM screening_cursors WHERE name = \(bind: name)").run()
        try await sql.raw(
            "INSERT INTO screening_cursors (name, seq, income_year) VALUES (\(bind: name), \(bind: seq), \(bind: incomeYear))"
        ).run()
    }

    /// Drops the log entries every reader has passed: the facts, the incremental screening, the kept judgements
    /// (while they are usable; `ScreeningJudgementStore`) and the kept data-quality findings (`DataQualityStore`).
    private static func prune(on sql: any SQLDatabase) async throws {
        let facts = try await cursor(factsCursor, on: sql)?.seq ?? 0
        let screened = try await cursor(screenedCursor, on: sql)?.seq ?? 0
        let judged =
            try await sql.raw(
                "SELECT MIN(seq) AS seq FROM \(ident: ScreeningJudgementStore.stateSchema) WHERE basis <> ''"
            )
            .first(decoding: SeqRow.self)?.seq ?? .max
        let checked =
            try await sql.raw("SELECT MIN(seq) AS seq FROM \(ident: DataQualityStore.stateSchema)")
            .first(decoding: SeqRow.self)?.seq ?? .max
        try await sql.raw("DELETE FROM screening_changes WHERE seq <= \(bind: min(facts, screened, judged, checked))")
            .run()
    }
}
