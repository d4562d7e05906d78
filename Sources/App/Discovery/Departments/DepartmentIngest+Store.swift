import Domain
import Fluent
import Foundation
import SQLKit

extension DepartmentIngest {
    private static let staging = "department_staging"
    private static let matches = "department_matches"
    private static let fresh = "department_new"
    private static let stagedColumns = [
        "id", "id_number", "person_name", "event_date", "amount", "grade", "level", "note", "fingerprint",
    ]

    private struct Count: Decodable {
        let count: Int
    }

    private struct Number: Decodable {
        let id_number: String
    }

    /// Stores a checked file's new events in one transaction with the batch and whatever the caller records alongside
    /// (the audit record); returns the households whose records changed. Set-based, whatever the file's size: the rows
    /// go to a temporary table (`BulkInsert.copy`), one statement matches them to members by identity number, two
    /// more set apart and store those whose fingerprint is not stored yet. Only members inside the sender's area are
    /// matched, and only matched rows are stored: a row that names nobody there lives on only in the batch's report
    /// (`unmatchedJSON`). Fingerprints are scoped to the receiving area (`fingerprint(_:receivedIn:)`), so one area's
    /// rows can neither pre-empt another's nor tell whether it sent them. The commit leaves SQLite's checkpoint to the
    /// caller (`checkpointWriteAheadLog`), as it would cost as much again as the store.
    ///
    /// On SQLite the events are written without per-row foreign-key checks (three index probes a row): every
    /// reference holds by construction, as the batch, member and household of each row are read by the statement
    /// that writes it, inside the transaction that holds the database's write lock.
    static func store(
        _ events: [DepartmentEvent], kind: DepartmentEventKind, batch: DepartmentBatch, scope: AccessScope,
        at now: Date,
        on database: any Database, alongside: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> Set<UUID> {
        let timings = StepTimings()
        let ids = UUID.timeOrdered(count: events.count, at: now)
        var seen = Set<String>(minimumCapacity: events.count)
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            // The first of a file's identical rows is stored; the others count as repeated.
            let print = fingerprint(event, receivedIn: batch.areaCode)
            guard seen.insert(print).inserted else { continue }
            rows.append([
                ids[index], event.idNumber, event.memberName, event.eventDate.description, event.amount?.fen,
                event.grade, event.level, event.note, print,
            ])
        }
        let staged = rows
        timings.mark("fingerprint")
        return try await database.withBulkConnection { connection in
            try await connection.withoutCheckpointAtCommit {
                try await connection.withoutForeignKeyChecks {
                    let households = try await connection.transactionOnConnection { database in
                        try await storeStaged(
                            staged, events: events, batch: batch, scope: scope, at: now, timings: timings,
                            on: database, alongside: alongside)
                    }
                    timings.mark("commit")
                    connection.logger.info("department records stored", metadata: timings.metadata(rows: events.count))
                    return households
                }
            }
        }
    }

    /// The work of `store`'s transaction: the batch, the staged rows, their matches, the new events, the audit record.
    private static func storeStaged(
        _ staged: [[any Encodable & Sendable]], events: [DepartmentEvent], batch: DepartmentBatch, scope: AccessScope,
        at now: Date, timings: StepTimings, on database: any Database,
        alongside: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> Set<UUID> {
        guard let sql = database as? any SQLDatabase else { return [] }
        try await batch.create(on: database)
        try await stage(staged, on: database, sql: sql)
        timings.mark("stage")
        try await match(in: scope, sql: sql)
        timings.mark("match")
        let written = try await insertNew(batch: batch, at: now, timings: timings, sql: sql)
        let unmatchedNumbers = Set(
            try await sql.raw(
                """
                SELECT DISTINCT s.id_number FROM \(ident: staging) s
                WHERE NOT EXISTS (SELECT 1 FROM \(ident: matches) x WHERE x.id_number = s.id_number)
                """
            ).all(decoding: Number.self).map(\.id_number))
        var unmatched: [Unmatched] = []
        for (index, event) in events.enumerated() where unmatchedNumbers.contains(event.idNumber) {
            unmatched.append(
                Unmatched(row: event.sourceRow ?? index + 2, idNumber: event.idNumber, name: event.memberName))
        }
        batch.newEvents = written.count
        batch.unmatched = unmatched.count
        batch.matched = events.count - unmatched.count
        batch.repeatedEvents = batch.matched - written.count
        batch.unmatchedJSON = encode(unmatched)
        try await batch.save(on: database)
        try await alongside(database)
        try await sql.raw("DROP TABLE \(ident: staging)").run()
        try await sql.raw("DROP TABLE \(ident: matches)").run()
        timings.mark("audit")
        return written.households
    }

    /// The file's distinct rows in a temporary table shaped like the events (so the types match on both engines).
    private static func stage(
        _ rows: [[any Encodable & Sendable]], on database: any Database, sql: any SQLDatabase
    ) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: staging)").run()
        try await sql.raw(
            """
            CREATE TEMP TABLE \(ident: staging) AS SELECT \(idents: stagedColumns, joinedBy: ", ") FROM \(ident: DepartmentEventRecord.schema) WHERE 1 = 0
            """
        ).run()
        try await BulkInsert.copy(into: staging, columns: stagedColumns, rows: rows, on: database)
        if sql.engine == .postgresql {
            // Without statistics the planner guesses the temporary table's size and may scan the registry instead
            // of looking the file's identity numbers up.
            try await sql.raw("ANALYZE \(ident: staging)").run()
        }
    }

    /// The members the file's identity numbers name, in the sender's area and not departed: one per number (a number
    /// held twice is a registry problem reported elsewhere; either holder is then matched).
    private static func match(in scope: AccessScope, sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: matches)").run()
        try await sql.raw(
            """
            CREATE TEMP TABLE \(ident: matches) AS SELECT id_number, id AS member_id, household_id FROM \(ident: Member.schema) WHERE 1 = 0
            """
        ).run()
        try await sql.raw("CREATE UNIQUE INDEX \(ident: matches + "_id_number") ON \(ident: matches) (id_number)").run()
        try await sql.raw(
            """
            INSERT INTO \(ident: matches) (id_number, member_id, household_id)
            SELECT members.id_number, members.id, members.household_id
            FROM \(ident: Member.schema) JOIN \(ident: Household.schema) ON households.id = members.household_id
            WHERE members.id_number IN (SELECT id_number FROM \(ident: staging)) AND members.departed_on IS NULL
            AND \(scope.householdPredicate())
            ON CONFLICT (id_number) DO NOTHING
            """
        ).run()
    }

    /// Writes the matched staged rows whose fingerprint is not stored yet, with the batch and the member and household
    /// read in the same statement; returns how many it wrote and their households. The new rows are first set apart
    /// in a temporary table, so their households come back as one packed text rather than a row each through the
    /// driver (≈ 10 µs a row). SQLite's `OR FAIL` spares the statement journal (a copy of every page the statement
    /// touches): a failure aborts the whole transaction anyway. Rows go in household order (the order the temporary
    /// table was written in, which a scan of it keeps), so the index that starts with the kind (the same for the whole
    /// file) then the household takes them leaf after leaf instead of at random.
    private static func insertNew(
        batch: DepartmentBatch, at now: Date, timings: StepTimings, sql: any SQLDatabase
    ) async throws -> (count: Int, households: Set<UUID>) {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: fresh)").run()
        try await sql.raw(
            """
            CREATE TEMP TABLE \(ident: fresh) AS
            SELECT s.id, s.id_number, s.person_name, s.event_date, s.amount, s.grade, s.level, s.note, x.member_id, x.household_id, s.fingerprint
            FROM \(ident: staging) s JOIN \(ident: matches) x ON x.id_number = s.id_number
            WHERE NOT EXISTS (SELECT 1 FROM \(ident: DepartmentEventRecord.schema) e WHERE e.fingerprint = s.fingerprint)
            ORDER BY x.household_id
            """
        ).run()
        timings.mark("select")
        let insert: SQLQueryString = sql.engine == .sqlite ? "INSERT OR FAIL" : "INSERT"
        try await sql.raw(
            """
            \(insert) INTO \(ident: DepartmentEventRecord.schema) (id, batch_id, kind, id_number, person_name, event_date, amount, grade, level, note,
                member_id, household_id, fingerprint, created_at)
            SELECT n.id, b.id, b.kind, n.id_number, n.person_name, n.event_date, n.amount, n.grade, n.level, n.note,
                n.member_id, n.household_id, n.fingerprint, \(bind: now)
            FROM \(ident: fresh) n JOIN \(ident: DepartmentBatch.schema) b ON b.id = \(bind: batch.id)
            """
        ).run()
        timings.mark("insert")
        let count =
            try await sql.raw("SELECT COUNT(*) AS count FROM \(ident: fresh)").first(decoding: Count.self)?.count ?? 0
        let households = try await PackedRecords.rows(
            ["household_id"],
            from: """
                (SELECT DISTINCT household_id FROM \(ident: fresh)) touched
                """, sql: sql
        ).compactMap { $0[0].flatMap { Hex.uuid($0.utf8) } }
        try await sql.raw("DROP TABLE \(ident: fresh)").run()
        timings.mark("households")
        return (count, Set(households))
    }
}
