import Domain
import Fluent
import Foundation
import SQLKit

/// The households a screening has to judge (`ScreeningFacts`): the kept facts rows that pass a bound of the rules in
/// force, and how many households a run covers.
extension ScreeningFactsStore {
    private struct CountRow: Decodable { let count: Int }
    private struct PackedRow: Decodable { let packed: String? }

    /// Households in `scope` (and among `only`, when given) that pass a bound. The database does the narrowing: one
    /// scan of the facts with the registry bounds, one indexed range of recent department records per record kind.
    /// Only households that pass a record bound can be hit by a record rule, so only theirs are read later. The
    /// bounds let every possible hit through, so an incremental run narrows the same way as a full one.
    static func candidates(
        in scope: AccessScope?, only: [UUID]? = nil, bounds: ScreeningBounds, on date: CivilDate,
        sql: any SQLDatabase
    ) async throws -> ScreeningFacts.Selection {
        let listed = only.map { BoundIDList($0, sql: sql) }
        let records: SQLQueryString? =
            bounds.records.isEmpty
            ? nil
            : bounds.records.map { recordCandidates($0, through: date, among: listed) }.joined(separator: " UNION ")
        // Computed once and read twice: to admit households and to flag those whose records are to be read.
        let recorded = records.map { SQLQueryString("WITH recorded AS MATERIALIZED (\($0)) ") }
        let recordCondition: SQLQueryString? =
            records == nil ? nil : "household_id IN (SELECT household_id FROM recorded)"
        let passes = [registryCondition(bounds), recordCondition.map { SQLGroupExpression($0) }].compactMap { $0 }
        guard let first = passes.first else { return ScreeningFacts.Selection(rows: [], withRecords: []) }
        let anyBound = passes.dropFirst().reduce(first) { SQLBinaryExpression($0, .or, $1) as any SQLExpression }
        let area =
            listed.map { inScope(scope, $0) } ?? scope?.householdPredicate(table: ScreeningFactsRow.schema)
            ?? SQLLiteral.boolean(true)
        let condition = SQLBinaryExpression(area, .and, SQLGroupExpression(anyBound))
        let wholeTable = only == nil && (scope?.root.level ?? .province) <= .province
        let found = try await rows(
            with: recorded, where: condition, flag: recordCondition, wholeTable: wholeTable, sql: sql)
        return ScreeningFacts.Selection(
            rows: found.sorted { $0.household_number < $1.household_number },
            withRecords: Set(found.filter(\.flagged).map(\.household_id)))
    }

    /// The listed households, inside `scope` when one is given.
    private static func inScope(_ scope: AccessScope?, _ listed: BoundIDList) -> any SQLExpression {
        let listed = listed.contains("household_id")
        guard let scope else { return listed }
        return SQLBinaryExpression(scope.householdPredicate(table: ScreeningFactsRow.schema), .and, listed)
    }

    /// How many of the given households the scope holds, for an incremental run's record.
    static func count(of ids: [UUID], in scope: AccessScope, sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(
            ScreeningFactsRow.schema
        )
        .where(inScope(scope, BoundIDList(ids, sql: sql))).first(decoding: CountRow.self)?.count ?? 0
    }

    /// How many households the scope holds, for the run's record.
    static func count(in scope: AccessScope, sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from(
            ScreeningFactsRow.schema
        )
        .where(scope.householdPredicate(table: ScreeningFactsRow.schema)).first(decoding: CountRow.self)?.count ?? 0
    }

    /// The registry bounds as one condition on `screening_facts`; nil when no registry-based rule is in force.
    static func registryCondition(_ bounds: ScreeningBounds) -> (any SQLExpression)? {
        var conditions: [SQLQueryString] = []
        if let ceiling = bounds.incomeCeilingHundredths {
            conditions.append("per_capita_last * 100 < \(bind: ceiling)")
        }
        if let percent = bounds.smallestDropPercent {
            conditions.append(
                "(per_capita_previous > 0 AND (per_capita_previous - per_capita_last) * 100 > per_capita_previous * \(bind: percent))"
            )
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
            conditions.append(
                "(disability_graded_on > \(bind: bound.opensAfter.description) AND disability_grade <= \(bind: bound.maximumGrade))"
            )
        }
        if let bound = bounds.labourerLoss {
            conditions.append(
                """
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
    static func recordCandidates(
        _ bound: ScreeningBounds.RecordBound, through date: CivilDate, among households: BoundIDList?
    ) -> SQLQueryString {
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

    /// Facts rows matching `condition`, with `flagged` set where `flag` holds, read a township to a database row: the database joins each group of
    /// rows into one text and this parses it in a tight loop. Reading 200,000 rows one by one through the driver
    /// costs about 15 µs each in decoding and hand-offs; packed, under 1 µs.
    /// `wholeTable`: the condition keeps most rows (a province or more), so SQLite is told to read the table from end
    /// to end; walking the village index for a whole province and looking each row up costs half as much again.
    static func rows(
        with common: SQLQueryString?, where condition: any SQLExpression, flag: SQLQueryString?,
        wholeTable: Bool = false,
        sql: any SQLDatabase
    ) async throws -> [ScreeningFactsRow] {
        let text = { (column: String) -> SQLQueryString in "COALESCE(CAST(\(ident: column) AS TEXT), '')" }
        let flagged: SQLQueryString = flag.map { "CASE WHEN \($0) THEN '1' ELSE '0' END" } ?? "'0'"
        let fields = (ScreeningFactsRow.columns.map { text($0) } + [flagged]).joined(separator: " || '|' || ")
        let aggregate: SQLQueryString = sql.engine == .postgresql ? "string_agg(line, ';')" : "group_concat(line, ';')"
        let query: SQLQueryString = """
            \(common ?? "")SELECT \(aggregate) AS packed FROM (
                SELECT \(fields) AS line, substr(village_code, 1, 9) AS bucket
                FROM screening_facts\(unsafeRaw: wholeTable && sql.engine == .sqlite ? " NOT INDEXED" : "") WHERE \(condition)
            ) lines GROUP BY bucket
            """
        var rows: [ScreeningFactsRow] = []
        for packed in try await sql.raw(query).all(decoding: PackedRow.self) {
            guard let text = packed.packed else { continue }
            for line in text.utf8.split(separator: UInt8(ascii: ";")) {
                // A row that does not read back is an error, never a household silently left unscreened.
                guard let row = ScreeningFactsRow(packed: line) else {
                    throw ScreeningConfigurationError(
                        message: "screening_facts row unreadable: \(String(decoding: line.prefix(80), as: UTF8.self))")
                }
                rows.append(row)
            }
        }
        return rows
    }
}
