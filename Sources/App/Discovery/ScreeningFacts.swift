import Domain
import Fluent
import Foundation
import SQLKit

/// Finds the households a screening has to judge and builds their facts: the kept facts rows
/// (`ScreeningFactsStore`), the department records in the widest window in force, and the identity numbers of
/// registry students where an education record could count one of them twice.
enum ScreeningFacts {
    struct Candidate {
        let id: UUID
        let villageCode: String
        var facts: HouseholdFacts
    }

    private struct EventRow: Decodable {
        let household_id: UUID
        let kind: String
        let id_number: String
        let person_name: String
        let event_date: String
        let amount: Int64?
        let grade: String?
        let level: String?
        let note: String
    }

    private struct StudentRow: Decodable { let household_id: UUID; let id_number: String }
    private struct IDRow: Decodable { let household_id: UUID }
    private struct CountRow: Decodable { let count: Int }

    static let chunkSize = 1_000

    /// Households in `scope` that pass a bound, with their facts. The database does the narrowing: one scan of the
    /// facts with the registry bounds, one indexed range of recent department records per record kind.
    static func candidates(in scope: AccessScope, bounds: ScreeningBounds, on date: CivilDate, line: (AreaCode) -> Money?,
                           sql: any SQLDatabase) async throws -> [Candidate] {
        var rows: [UUID: ScreeningFactsRow] = [:]
        if let registry = registryCondition(bounds) {
            let query = sql.select().columns(ScreeningFactsRow.columns.map { SQLColumn($0) }).from(ScreeningFactsRow.schema)
                .where(scope.householdPredicate(table: ScreeningFactsRow.schema)).where(registry)
            for row in try await query.all(decoding: ScreeningFactsRow.self) { rows[row.household_id] = row }
        }
        var fromRecords = Set<UUID>()
        for bound in bounds.records {
            for row in try await sql.raw(recordCandidates(bound, through: date)).all(decoding: IDRow.self) where rows[row.household_id] == nil {
                fromRecords.insert(row.household_id)
            }
        }
        for chunk in Array(fromRecords).chunked(into: chunkSize) {
            let query = sql.select().columns(ScreeningFactsRow.columns.map { SQLColumn($0) }).from(ScreeningFactsRow.schema)
                .where(scope.householdPredicate(table: ScreeningFactsRow.schema))
                .where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
            for row in try await query.all(decoding: ScreeningFactsRow.self) { rows[row.household_id] = row }
        }
        return try await complete(Array(rows.values), bounds: bounds, on: date, line: line, sql: sql)
    }

    /// The given households in `scope`, every one of them (an incremental screening judges each changed household).
    static func households(_ ids: [UUID], in scope: AccessScope, bounds: ScreeningBounds, on date: CivilDate,
                           line: (AreaCode) -> Money?, sql: any SQLDatabase) async throws -> [Candidate] {
        var rows: [ScreeningFactsRow] = []
        for chunk in ids.chunked(into: chunkSize) {
            rows += try await sql.select().columns(ScreeningFactsRow.columns.map { SQLColumn($0) }).from(ScreeningFactsRow.schema)
                .where(scope.householdPredicate(table: ScreeningFactsRow.schema))
                .where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
                .all(decoding: ScreeningFactsRow.self)
        }
        return try await complete(rows, bounds: bounds, on: date, line: line, sql: sql)
    }

    /// How many households the scope holds, for the run's record.
    static func count(in scope: AccessScope, sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(ScreeningFactsRow.schema)
            .where(scope.householdPredicate(table: ScreeningFactsRow.schema)).first(decoding: CountRow.self)?.count ?? 0
    }

    /// Adds department records and students' identity numbers, in household-number order so runs are repeatable.
    private static func complete(_ rows: [ScreeningFactsRow], bounds: ScreeningBounds, on date: CivilDate, line: (AreaCode) -> Money?,
                                 sql: any SQLDatabase) async throws -> [Candidate] {
        var candidates: [UUID: Candidate] = [:]
        var lines: [String: Money?] = [:]
        for row in rows {
            let villageLine: Money?
            if let cached = lines[row.village_code] {
                villageLine = cached
            } else {
                villageLine = AreaCode(row.village_code).flatMap(line)
                lines[row.village_code] = villageLine
            }
            guard let facts = row.householdFacts(line: villageLine) else { continue }
            candidates[row.household_id] = Candidate(id: row.household_id, villageCode: row.village_code, facts: facts)
        }
        let ids = Array(candidates.keys)
        if let opens = bounds.records.map(\.opensAfter).min() {
            var enrolled = Set<UUID>()
            for chunk in ids.chunked(into: chunkSize) {
                let events = try await sql.select().columns(["household_id", "kind", "id_number", "person_name", "event_date", "amount", "grade", "level", "note"].map { SQLColumn($0) })
                    .from(DepartmentEventRecord.schema)
                    .where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
                    .where(SQLColumn("event_date"), .greaterThan, SQLBind(opens.description))
                    .where(SQLColumn("event_date"), .lessThanOrEqual, SQLBind(date.description))
                    .all(decoding: EventRow.self)
                for row in events {
                    guard let kind = DepartmentEventKind(rawValue: row.kind), let eventDate = CivilDate(row.event_date) else { continue }
                    if kind == .enrolment { enrolled.insert(row.household_id) }
                    candidates[row.household_id]?.facts.events.append(DepartmentEvent(
                        kind: kind, idNumber: row.id_number, memberName: row.person_name, eventDate: eventDate,
                        amount: row.amount.map { Money(fen: $0) }, grade: row.grade, level: row.level, note: row.note
                    ))
                }
            }
            let higher = SchoolStatus.allCases.filter(\.isHigherEducation).map(\.rawValue)
            for chunk in Array(enrolled).chunked(into: chunkSize) {
                let students = try await sql.select().columns(SQLColumn("household_id"), SQLColumn("id_number")).from(Member.schema)
                    .where(SQLColumn("household_id"), .in, SQLBind.group(chunk))
                    .where(SQLColumn("school_status"), .in, SQLBind.group(higher))
                    .where(SQLColumn("departed_on"), .is, SQLLiteral.null)
                    .all(decoding: StudentRow.self)
                for row in students { candidates[row.household_id]?.facts.higherEducationIDNumbers.insert(row.id_number) }
            }
        }
        return candidates.values.sorted { $0.facts.householdNumber < $1.facts.householdNumber }
    }

    /// The registry bounds as one condition on `screening_facts`; nil when no registry-based rule is in force.
    static func registryCondition(_ bounds: ScreeningBounds) -> (any SQLExpression)? {
        var conditions: [SQLQueryString] = []
        if let ceiling = bounds.incomeCeilingHundredths {
            conditions.append("per_capita_last * 100 < \(bind: ceiling)")
        }
        if let percent = bounds.smallestDropPercent {
            conditions.append("(per_capita_previous > 0 AND (per_capita_previous - per_capita_last) * 100 > per_capita_previous * \(bind: percent))")
        }
        if bounds.rigidSpendingAboveIncome {
            conditions.append("rigid_last > net_income_previous")
        }
        if !bounds.unsafeHousingGrades.isEmpty {
            conditions.append("housing_grade IN (\(binds: bounds.unsafeHousingGrades.map(\.rawValue)))")
        }
        if bounds.unsecuredWater {
            conditions.append("water_secured = \(bind: false)")
        }
        if let fewest = bounds.fewestStudents {
            conditions.append("higher_education >= \(bind: fewest)")
        }
        guard !conditions.isEmpty else { return nil }
        return SQLGroupExpression(conditions.joined(separator: " OR "))
    }

    /// Households with department records of one kind in the bound's window (summed above its amount when it has
    /// one). Served by the index on kind and date, which also carries the columns read.
    static func recordCandidates(_ bound: ScreeningBounds.RecordBound, through date: CivilDate) -> SQLQueryString {
        let recent: SQLQueryString = """
            FROM department_events WHERE kind = \(bind: bound.kind.rawValue) AND event_date > \(bind: bound.opensAfter.description)
            AND event_date <= \(bind: date.description) AND household_id IS NOT NULL
            """
        guard let threshold = bound.amountAbove else { return "SELECT DISTINCT household_id \(recent)" }
        let grouping: SQLQueryString = bound.summedPerPerson ? "household_id, id_number" : "household_id"
        return """
            SELECT DISTINCT household_id FROM (SELECT household_id \(recent)
            GROUP BY \(grouping) HAVING SUM(amount) > \(bind: threshold.fen)) sums
            """
    }
}
