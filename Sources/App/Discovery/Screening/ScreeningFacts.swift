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


    private struct ChildRow: Decodable { let household_id: UUID; let id_number: String; let school_status: String? }
    private struct CountRow: Decodable { let count: Int }

    static let chunkSize = 1_000

    /// The households a screening judges: their kept facts rows in household-number order, and which of them have
    /// department records to read (nil: all of them).
    struct Selection {
        var rows: [ScreeningFactsRow]
        var withRecords: Set<UUID>?
    }

    /// Households in `scope` (and among `only`, when given) that pass a bound. The database does the narrowing: one
    /// scan of the facts with the registry bounds, one indexed range of recent department records per record kind.
    /// Only households that pass a record bound can be hit by a record rule, so only theirs are read later. The
    /// bounds let every possible hit through, so an incremental run narrows the same way as a full one.
    static func candidates(in scope: AccessScope?, only: [UUID]? = nil, bounds: ScreeningBounds, on date: CivilDate,
                           sql: any SQLDatabase) async throws -> Selection {
        let listed = only.map { BoundIDList($0, sql: sql) }
        let records: SQLQueryString? = bounds.records.isEmpty ? nil
            : bounds.records.map { recordCandidates($0, through: date, among: listed) }.joined(separator: " UNION ")
        // Computed once and read twice: to admit households and to flag those whose records are to be read.
        let recorded = records.map { SQLQueryString("WITH recorded AS MATERIALIZED (\($0)) ") }
        let recordCondition: SQLQueryString? = records == nil ? nil : "household_id IN (SELECT household_id FROM recorded)"
        let passes = [registryCondition(bounds), recordCondition.map { SQLGroupExpression($0) }].compactMap { $0 }
        guard let first = passes.first else { return Selection(rows: [], withRecords: []) }
        let anyBound = passes.dropFirst().reduce(first) { SQLBinaryExpression($0, .or, $1) as any SQLExpression }
        let area = listed.map { inScope(scope, $0) } ?? scope?.householdPredicate(table: ScreeningFactsRow.schema) ?? SQLLiteral.boolean(true)
        let condition = SQLBinaryExpression(area, .and, SQLGroupExpression(anyBound))
        let wholeTable = only == nil && (scope?.root.level ?? .province) <= .province
        let rows = try await ScreeningFactsRow.fetch(with: recorded, where: condition, flag: recordCondition, wholeTable: wholeTable, sql: sql)
        return Selection(rows: rows.sorted { $0.household_number < $1.household_number },
                         withRecords: Set(rows.filter(\.flagged).map(\.household_id)))
    }

    /// The listed households, inside `scope` when one is given.
    private static func inScope(_ scope: AccessScope?, _ listed: BoundIDList) -> any SQLExpression {
        let listed = listed.contains("household_id")
        guard let scope else { return listed }
        return SQLBinaryExpression(scope.householdPredicate(table: ScreeningFactsRow.schema), .and, listed)
    }

    /// How many of the given households the scope holds, for an incremental run's record.
    static func count(of ids: [UUID], in scope: AccessScope, sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(ScreeningFactsRow.schema)
            .where(inScope(scope, BoundIDList(ids, sql: sql))).first(decoding: CountRow.self)?.count ?? 0
    }

    /// How many households the scope holds, for the run's record.
    static func count(in scope: AccessScope, sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(ScreeningFactsRow.schema)
            .where(scope.householdPredicate(table: ScreeningFactsRow.schema)).first(decoding: CountRow.self)?.count ?? 0
    }

    /// The selected households' facts, a batch at a time so memory stays flat: the kept facts, the department
    /// records in the widest window in force, and students' identity numbers where an education record could count
    /// one of them twice.
    static func batches(_ selection: Selection, size: Int, bounds: ScreeningBounds, on date: CivilDate, line: (AreaCode) -> Money?,
                        sql: any SQLDatabase, body: ([Candidate]) async throws -> Void) async throws {
        var lines: [String: Money] = [:]
        for village in Set(selection.rows.map(\.village_code)) {
            if let amount = AreaCode(village).flatMap(line) { lines[village] = amount }
        }
        let chunks = selection.rows.chunked(into: size)
        let withRecords = selection.withRecords
        let villageLines = lines
        // The next batch is read while this one is judged: the database and the engine each keep a core busy.
        func loading(_ index: Int) -> Task<[Candidate], any Error>? {
            guard chunks.indices.contains(index) else { return nil }
            let rows = chunks[index]
            return Task { try await load(rows, withRecords: withRecords, lines: villageLines, bounds: bounds, on: date, sql: sql) }
        }
        var pending = loading(0)
        var index = 0
        while let current = pending {
            let candidates = try await current.value
            index += 1
            pending = loading(index)
            try await body(candidates)
        }
    }

    /// One batch's facts: the kept facts, the department records of the kinds and the widest window in force for the households
    /// that have some, and students' identity numbers where an education record could count one of them twice.
    private static func load(_ rows: [ScreeningFactsRow], withRecords selected: Set<UUID>?, lines: [String: Money], bounds: ScreeningBounds,
                             on date: CivilDate, sql: any SQLDatabase) async throws -> [Candidate] {
        var candidates: [Candidate] = []
        var index: [UUID: Int] = [:]
        for row in rows {
            guard let facts = row.householdFacts(line: lines[row.village_code]) else { continue }
            index[row.household_id] = candidates.count
            candidates.append(Candidate(id: row.household_id, villageCode: row.village_code, facts: facts))
        }
        let withRecords = selected.map { set in candidates.map(\.id).filter(set.contains) } ?? candidates.map(\.id)
        guard let opens = bounds.records.map(\.opensAfter).min(), !withRecords.isEmpty else { return candidates }
        var enrolled = Set<UUID>()
        // Packed: a batch holds tens of thousands of records, and reading them row by row through the driver took
        // longer than judging them.
        let fields: [SQLQueryString] = ["household_id", "kind", "id_number", "person_name", "event_date", "amount", "grade", "level", "note"]
        // The kinds a rule in force reads (as the window is the widest in force): both engines then seek each listed
        // household under each kind in the index on kind then household. Events keep no index of their own on
        // household, as each index costs every received row a B-tree insert at a random place.
        let kinds = Set(bounds.records.map(\.kind.rawValue)).sorted()
        for values in try await PackedRecords.rows(fields, from: """
            department_events WHERE kind IN (\(binds: kinds)) AND \(BoundIDList(withRecords, sql: sql).contains("household_id"))
            AND event_date > \(bind: opens.description) AND event_date <= \(bind: date.description)
            """, sql: sql) {
            guard let household = values[0].flatMap({ Hex.uuid($0.utf8) }), let position = index[household],
                  let kind = values[1].flatMap(DepartmentEventKind.init(rawValue:)), let eventDate = values[4].flatMap(CivilDate.init)
            else { continue }
            if kind == .enrolment { enrolled.insert(household) }
            candidates[position].facts.events.append(DepartmentEvent(
                kind: kind, idNumber: values[2] ?? "", memberName: values[3] ?? "", eventDate: eventDate,
                amount: values[5].flatMap { Int64($0) }.map { Money(fen: $0) }, grade: values[6], level: values[7], note: values[8] ?? ""
            ))
        }
        guard !enrolled.isEmpty else { return candidates }
        // The households' children: an education record counts only for one of them, and once for a child the
        // registry already counts.
        let children = try await sql.raw("""
            SELECT household_id, id_number, school_status FROM \(ident: Member.schema) WHERE \(BoundIDList(enrolled, sql: sql).contains("household_id"))
            AND relation IN (\(binds: ScreeningFactsRow.children)) AND departed_on IS NULL
            """).all(decoding: ChildRow.self)
        for position in enrolled.compactMap({ index[$0] }) { candidates[position].facts.childIDNumbers = [] }
        for row in children {
            guard let position = index[row.household_id] else { continue }
            candidates[position].facts.childIDNumbers?.insert(row.id_number)
            guard let stage = row.school_status.flatMap(SchoolStatus.init(rawValue:)) else { continue }
            if stage.isHigherEducation { candidates[position].facts.higherEducationIDNumbers.insert(row.id_number) }
            if stage.isBeyondCompulsory { candidates[position].facts.beyondCompulsoryIDNumbers.insert(row.id_number) }
        }
        return candidates
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
        if let fewest = bounds.fewestBeyondCompulsory {
            conditions.append("beyond_compulsory >= \(bind: fewest)")
        }
        if let bornBy = bounds.frailBornBy {
            conditions.append("frail_birth_date <= \(bind: bornBy.description)")
        }
        if let bound = bounds.registryDisability {
            conditions.append("(disability_graded_on > \(bind: bound.opensAfter.description) AND disability_grade <= \(bind: bound.maximumGrade))")
        }
        if let bound = bounds.labourerLoss {
            conditions.append("""
                ((labour_lost_on > \(bind: bound.opensAfter.description) OR labourer_departed_on > \(bind: bound.opensAfter.description))
                AND labourers <= \(bind: bound.maximumRemaining))
                """)
        }
        guard !conditions.isEmpty else { return nil }
        return SQLGroupExpression(conditions.joined(separator: " OR "))
    }

    /// Households with department records of one kind in the bound's window (summed to at least its amount when it
    /// has one). Served by the index on kind and date, which also carries the columns read.
    /// `among`: the households to consider, nil for all.
    static func recordCandidates(_ bound: ScreeningBounds.RecordBound, through date: CivilDate, among households: BoundIDList?) -> SQLQueryString {
        // A list implies NOT NULL; said once, so the planner seeks the listed households in the index.
        let among: SQLQueryString = households?.contains("household_id") ?? "household_id IS NOT NULL"
        let recent: SQLQueryString = """
            FROM department_events WHERE kind = \(bind: bound.kind.rawValue) AND event_date > \(bind: bound.opensAfter.description)
            AND event_date <= \(bind: date.description) AND \(among)
            """
        guard let threshold = bound.amountAtLeast else { return "SELECT DISTINCT household_id \(recent)" }
        let grouping: SQLQueryString = bound.summedPerPerson ? "household_id, id_number" : "household_id"
        return """
            SELECT DISTINCT household_id FROM (SELECT household_id \(recent)
            GROUP BY \(grouping) HAVING SUM(amount) >= \(bind: threshold.fen)) sums
            """
    }
}
