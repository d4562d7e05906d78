import Domain
import Fluent
import Foundation
import SQLKit

extension DepartmentIngest {
    private static let staging = "department_staging"
    private static let matches = "department_matches"
    private static let stagedColumns = ["id", "id_number", "person_name", "event_date", "amount", "grade", "level", "note", "fingerprint"]

    private struct Stored: Decodable {
        let household_id: UUID?
    }

    private struct Number: Decodable {
        let id_number: String
    }

    /// Stores a checked file's new events in one transaction with the batch and whatever the caller records alongside
    /// (the audit record); returns the households whose records changed. Set-based, whatever the file's size: the rows
    /// go to a temporary table in multi-row inserts, one statement matches them to members by identity number, one
    /// more stores those whose fingerprint is not stored yet. Only members inside the sender's area are matched: a
    /// department learns nothing about people elsewhere.
    ///
    /// On SQLite the events are written without per-row foreign-key checks (three index probes a row): every
    /// reference holds by construction, as the batch, member and household of each row are read by the statement
    /// that writes it, inside the transaction that holds the database's write lock.
    static func store(_ events: [DepartmentEvent], kind: DepartmentEventKind, batch: DepartmentBatch, scope: AccessScope, at now: Date,
                      on database: any Database, alongside: @escaping @Sendable (any Database) async throws -> Void) async throws -> Set<UUID> {
        let ids = UUID.timeOrdered(count: events.count, at: now)
        var seen = Set<String>(minimumCapacity: events.count)
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            // The first of a file's identical rows is stored; the others count as repeated.
            let print = fingerprint(event)
            guard seen.insert(print).inserted else { continue }
            rows.append([ids[index], event.idNumber, event.memberName, event.eventDate.description, event.amount?.fen,
                         event.grade, event.level, event.note, print])
        }
        let staged = rows
        return try await database.withBulkConnection { connection in
            try await connection.withoutForeignKeyChecks {
                try await connection.transactionOnConnection { database in
                    guard let sql = database as? any SQLDatabase else { return [] }
                    let started = Date()
                    try await batch.create(on: database)
                    try await stage(staged, on: database, sql: sql)
                    let stagedAt = Date()
                    try await match(in: scope, sql: sql)
                    let matchedAt = Date()
                    let households = try await insertNew(batch: batch, at: now, sql: sql)
                    database.logger.info("department records stored", metadata: [
                        "rows": "\(events.count)", "stage": "\(stagedAt.timeIntervalSince(started))", "match": "\(matchedAt.timeIntervalSince(stagedAt))",
                        "insert": "\(Date().timeIntervalSince(matchedAt))",
                    ])
                    let unmatchedNumbers = Set(try await sql.raw("""
                        SELECT DISTINCT s.id_number FROM \(ident: staging) s
                        WHERE NOT EXISTS (SELECT 1 FROM \(ident: matches) x WHERE x.id_number = s.id_number)
                        """).all(decoding: Number.self).map(\.id_number))
                    var unmatched: [Unmatched] = []
                    for (index, event) in events.enumerated() where unmatchedNumbers.contains(event.idNumber) {
                        unmatched.append(Unmatched(row: event.sourceRow ?? index + 2, idNumber: event.idNumber, name: event.memberName))
                    }
                    batch.newEvents = households.count
                    batch.repeatedEvents = events.count - households.count
                    batch.unmatched = unmatched.count
                    batch.matched = events.count - unmatched.count
                    batch.unmatchedJSON = encode(unmatched)
                    try await batch.save(on: database)
                    try await alongside(database)
                    try await sql.raw("DROP TABLE \(ident: staging)").run()
                    try await sql.raw("DROP TABLE \(ident: matches)").run()
                    return Set(households.compactMap { $0 })
                }
            }
        }
    }

    /// The file's distinct rows in a temporary table shaped like the events (so the types match on both engines).
    private static func stage(_ rows: [[any Encodable & Sendable]], on database: any Database, sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: staging)").run()
        try await sql.raw("""
            CREATE TEMP TABLE \(ident: staging) AS SELECT \(idents: stagedColumns, joinedBy: ", ") FROM \(ident: DepartmentEventRecord.schema) WHERE 1 = 0
            """).run()
        try await BulkInsert.insert(into: staging, columns: stagedColumns, rows: rows, on: database)
        if sql.dialect.name == "postgresql" {
            // Without statistics the planner guesses the temporary table's size and may scan the registry instead
            // of looking the file's identity numbers up.
            try await sql.raw("ANALYZE \(ident: staging)").run()
        }
    }

    /// The members the file's identity numbers name, in the sender's area and not departed: one per number (a number
    /// held twice is a registry problem reported elsewhere; either holder is then matched).
    private static func match(in scope: AccessScope, sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(ident: matches)").run()
        try await sql.raw("""
            CREATE TEMP TABLE \(ident: matches) AS SELECT id_number, id AS member_id, household_id FROM \(ident: Member.schema) WHERE 1 = 0
            """).run()
        try await sql.raw("CREATE UNIQUE INDEX \(ident: matches + "_id_number") ON \(ident: matches) (id_number)").run()
        try await sql.raw("""
            INSERT INTO \(ident: matches) (id_number, member_id, household_id)
            SELECT members.id_number, members.id, members.household_id
            FROM \(ident: Member.schema) JOIN \(ident: Household.schema) ON households.id = members.household_id
            WHERE members.id_number IN (SELECT id_number FROM \(ident: staging)) AND members.departed_on IS NULL
            AND \(scope.householdPredicate())
            ON CONFLICT (id_number) DO NOTHING
            """).run()
    }

    /// Writes the staged rows whose fingerprint is not stored yet, with the batch and the matched member and household
    /// read in the same statement; returns each written row's household (nil where unmatched). SQLite's `OR FAIL`
    /// spares the statement journal (a copy of every page the statement touches): a failure aborts the whole
    /// transaction anyway. Rows go in household order, so the two indexes that start with the household (or with the
    /// kind, the same for the whole file, then the household) take them leaf after leaf instead of at random.
    private static func insertNew(batch: DepartmentBatch, at now: Date, sql: any SQLDatabase) async throws -> [UUID?] {
        let insert: SQLQueryString = sql.dialect.name == "sqlite" ? "INSERT OR FAIL" : "INSERT"
        let rows = try await sql.raw("""
            \(insert) INTO \(ident: DepartmentEventRecord.schema) (id, batch_id, kind, id_number, person_name, event_date, amount, grade, level, note,
                member_id, household_id, fingerprint, created_at)
            SELECT s.id, b.id, b.kind, s.id_number, s.person_name, s.event_date, s.amount, s.grade, s.level, s.note,
                x.member_id, x.household_id, s.fingerprint, \(bind: now)
            FROM \(ident: staging) s
            JOIN \(ident: DepartmentBatch.schema) b ON b.id = \(bind: batch.id)
            LEFT JOIN \(ident: matches) x ON x.id_number = s.id_number
            WHERE NOT EXISTS (SELECT 1 FROM \(ident: DepartmentEventRecord.schema) e WHERE e.fingerprint = s.fingerprint)
            ORDER BY x.household_id
            RETURNING household_id
            """).all(decoding: Stored.self)
        return rows.map(\.household_id)
    }
}
