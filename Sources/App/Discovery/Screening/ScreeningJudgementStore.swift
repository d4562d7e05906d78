import Crypto
import Domain
import Fluent
import Foundation
import SQLKit

/// 研判结果: every household's rule hits as the engine last judged them, kept current like the facts they come
/// from. A screening first re-judges the households logged as changed since the last judgement and those whose
/// judgement has run out (`ScreeningEngine.judgementHolds`), then reads the hits of its area: a daily run over a
/// province judges what changed, not a million households. When the basis changes (a rule version or line comes
/// into force, the income year turns, the day goes backwards) or too many households changed, everyone is judged
/// again.
///
/// Department records are never dated after the day they arrive (`DepartmentRowReader` refuses them), so a record
/// enters a window only by arriving, and arrivals are logged.
enum ScreeningJudgementStore {
    static let hitsSchema = "screening_hits"
    static let stateSchema = "screening_judgement_state"
    private static let kept = KeptResults(stateSchema: stateSchema, resultsSchema: hitsSchema)
    static let hitColumns = [
        "household_id", "position", "village_code", "kind", "risk_type", "fingerprint", "holds_through", "packed",
    ]

    /// What bringing the judgements current did.
    struct Work: Sendable {
        /// Households named for re-judging; nil when everyone was.
        var named: Int?
        var judged = 0
        var hits = 0
    }

    /// Runs `work` while no other screening reads or writes the judgements (`ExclusiveSection`), `database` being a
    /// bulk connection.
    static func exclusively<T: Sendable>(
        on database: any Database, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await section.run(on: database, work)
    }

    private static let section = ExclusiveSection(key: 0x5357_4A55_4447)  // "SWJUDG"

    /// Re-judges what has to be, on `database` (a bulk connection, inside `exclusively`), for `date` with the facts
    /// refreshed up to log position `seq`.
    static func bringCurrent(
        rules: ScreeningRuleSet, line: MonitoringLine, on date: CivilDate, through seq: Int64,
        database: any Database
    ) async throws -> Work {
        let sql = try database.sql
        let basis = Hex.string(SHA256.hash(data: Data(rules.judgementBasis(line: line, on: date).utf8)))
        let state = try await kept.state(sql: sql)
        var named: [UUID]?
        if let state, state.stands(basis: basis, on: date) {
            let households = try await kept.householdsToRedo(changedAfter: state.seq, through: seq, on: date, sql: sql)
            if households.count <= ScreeningService.wholeScopeThreshold { named = Array(households) }
        }
        let work = Work(named: named?.count)
        if let named {
            guard !named.isEmpty else {
                try await setState(basis: basis, on: date, seq: max(seq, state?.seq ?? 0), sql: sql)
                return work
            }
            // A few households: judged, then written over their kept hits in one transaction (`rewrite`).
            let named = named, counted = work
            return try await database.transactionOnConnection { database in
                var work = counted
                let sql = try database.sql
                var fresh: [HitRow] = []
                work.judged = try await judge(only: named, rules: rules, line: line, on: date, database: database) {
                    fresh += $0
                }
                work.hits = fresh.count
                try await rewrite(named, with: fresh, database: database)
                try await setState(basis: basis, on: date, seq: seq, sql: sql)
                return work
            }
        }
        // Everyone, in one transaction: the old hits and their indexes go first, the new hits are written a batch at a
        // time as they are judged, and the indexes are built once at the end from the sorted rows, which costs a
        // fraction of keeping three random-keyed indexes up to date row by row.
        let counted = work
        return try await database.transactionOnConnection { database in
            var work = counted
            let sql = try database.sql
            for index in indexes { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
            // Emptied whole: PostgreSQL truncates (inside the transaction), SQLite's DELETE without a condition does too.
            try await sql.raw(sql.engine == .postgresql ? "TRUNCATE screening_hits" : "DELETE FROM screening_hits")
                .run()
            work.judged = try await judge(only: nil, rules: rules, line: line, on: date, database: database) { rows in
                try await BulkInsert.copy(into: hitsSchema, columns: hitColumns, rows: rows.map(\.values), on: database)
                work.hits += rows.count
            }
            try await createIndexes(sql: sql)
            try await setState(basis: basis, on: date, seq: seq, sql: sql)
            return work
        }
    }

    /// The indexes of `screening_hits`: a household's hits (unique by position), the hits of an area by kind, and
    /// judgements by the day they run out.
    static let indexes: [(name: String, unique: Bool, columns: [String])] = [
        ("screening_hits_household", true, ["household_id", "position"]),
        ("screening_hits_village", false, ["village_code", "kind"]),
        ("screening_hits_holds_through", false, ["holds_through"]),
    ]

    static func createIndexes(sql: any SQLDatabase) async throws {
        for index in indexes {
            try await sql.raw(
                """
                CREATE \(unsafeRaw: index.unique ? "UNIQUE " : "")INDEX \(ident: index.name) ON screening_hits (\(unsafeRaw: index.columns.joined(separator: ", ")))
                """
            ).run()
        }
    }

    /// Judges the named households (nil: all), handing `write` each batch's hits as rows; returns how many
    /// households were judged.
    private static func judge(
        only: [UUID]?, rules: ScreeningRuleSet, line: MonitoringLine, on date: CivilDate,
        database: any Database, write: ([HitRow]) async throws -> Void
    ) async throws -> Int {
        let sql = try database.sql
        return try await ScreeningService.judge(in: nil, only: only, rules: rules, line: line, on: date, sql: sql) {
            judged, prepared in
            var rows: [HitRow] = []
            for (candidate, hits) in judged where !hits.isEmpty {
                let holds = ScreeningEngine.judgementHolds(
                    candidate.facts, prepared: prepared(candidate.villageCode), on: date
                ).description
                for (position, hit) in hits.enumerated() {
                    rows.append(
                        HitRow(
                            householdID: candidate.id, position: position, villageCode: candidate.villageCode,
                            kind: hit.kind.rawValue,
                            riskType: hit.riskType.rawValue, fingerprint: LeadIntake.fingerprint(of: hit),
                            holdsThrough: holds,
                            packed: pack(hit)))
                }
            }
            try await write(rows)
        }
    }

    private static func setState(basis: String, on date: CivilDate, seq: Int64, sql: any SQLDatabase) async throws {
        try await kept.setState(basis: basis, on: date, seq: seq, sql: sql)
    }

    /// The hits of the households in `scope` (and among `only`, when given) as counts per village and rule kind.
    /// Per village and rule, the households hit — a household once per rule however many of its members the rule
    /// names, the counting rule of `DryRunSummary` restated in SQL for speed (a test holds the two together) — and
    /// the number of hits.
    static func counts(
        in scope: AccessScope, only: [UUID]?, sql: any SQLDatabase
    ) async throws -> (households: [String: [String: Int]], hits: Int) {
        struct CountRow: Decodable { let village_code: String; let kind: String; let households: Int; let hits: Int }
        var counts: [String: [String: Int]] = [:]
        var hits = 0
        for row in try await sql.raw(
            """
            SELECT village_code, kind, COUNT(DISTINCT household_id) AS households, COUNT(*) AS hits FROM screening_hits
            WHERE \(condition(scope, only, sql: sql)) GROUP BY village_code, kind
            """
        ).all(decoding: CountRow.self) {
            counts[row.village_code, default: [:]][row.kind, default: 0] += row.households
            hits += row.hits
        }
        return (counts, hits)
    }

    /// A household's hits in the engine's order, with its village: as kept, or as a fresh judgement found them.
    struct Judged {
        let householdID: UUID
        let villageCode: String
        var hits: [RuleHit]
    }

    /// Households whose hits are handed to filing at a time: each batch is filed in one transaction.
    static let filingBatchSize = 20_000

    /// The hits a real run files, a batch of households at a time: with households named, all their hits; for a
    /// whole area, the hits of its households that have one not yet among the sources of their open lead for its
    /// risk (found by one anti-join), since `LeadIntake` would only count the others as repeats. `LeadIntake` still
    /// recognises the repeats among what is read.
    static func hitsToFile(
        in scope: AccessScope, only: [UUID]?, sql: any SQLDatabase, body: ([Judged]) async throws -> Void
    ) async throws {
        if only != nil {
            // Every hit of the named households, read at once: looking up which households have one first would seek
            // each named household twice.
            let hits = try await judged(from: "screening_hits WHERE \(condition(scope, only, sql: sql))", sql: sql)
            for batch in hits.chunked(into: filingBatchSize) { try await body(Array(batch)) }
            return
        }
        let unfiled: SQLQueryString = """
            NOT EXISTS (SELECT 1 FROM risk_leads l JOIN lead_sources s ON s.lead_id = l.id
                WHERE l.household_id = screening_hits.household_id AND l.risk_type = screening_hits.risk_type
                AND l.state IN (\(binds: LeadIntake.openStates)) AND s.fingerprint = screening_hits.fingerprint)
            AND NOT EXISTS (SELECT 1 FROM case_information c
                WHERE c.household_id = screening_hits.household_id AND c.fingerprint = screening_hits.fingerprint)
            """
        let households = try await PackedRecords.rows(
            ["household_id"],
            from: """
                (SELECT DISTINCT household_id FROM screening_hits WHERE \(condition(scope, only, sql: sql)) AND \(unfiled)) hit_households
                """, sql: sql
        ).compactMap { $0[0].flatMap { Hex.uuid($0.utf8) } }
        for chunk in households.chunked(into: filingBatchSize) {
            try await body(
                try await judged(
                    from: "screening_hits WHERE \(BoundIDList(chunk, sql: sql).contains("household_id"))", sql: sql))
        }
    }

    /// The hits of `from` (a table and condition) grouped per household, in the order the households first come.
    private static func judged(from rest: SQLQueryString, sql: any SQLDatabase) async throws -> [Judged] {
        var order: [UUID] = []
        var found: [UUID: (village: String, hits: [(position: Int, hit: RuleHit)])] = [:]
        for row in try await PackedRecords.rows(
            ["household_id", "position", "village_code", "packed"], from: rest, sql: sql)
        {
            guard let household = row[0].flatMap({ Hex.uuid($0.utf8) }), let position = row[1].flatMap({ Int($0) }),
                let village = row[2], let hit = row[3].flatMap(unpack)
            else {
                throw ScreeningConfigurationError(
                    message: "screening_hits row unreadable: \(row.prefix(3).map { $0 ?? "" })")
            }
            if found[household] == nil { order.append(household) }
            found[household, default: (village, [])].hits.append((position, hit))
        }
        return order.compactMap { id in
            found[id].map {
                Judged(
                    householdID: id, villageCode: $0.village,
                    hits: $0.hits.sorted { $0.position < $1.position }.map(\.hit))
            }
        }
    }

    /// The condition selecting the scope's hits: the village range on the hits' own copy of the code, groups and grids
    /// through the facts. With households named, the range is written as an expression so that the planner seeks
    /// them by household instead of walking the area's range.
    private static func condition(_ scope: AccessScope, _ only: [UUID]?, sql: any SQLDatabase) -> SQLQueryString {
        let village: SQLQueryString = only == nil ? "village_code" : "(village_code || '')"
        let area: SQLQueryString =
            switch scope.householdFilter {
            case .everything: "1 = 1"
            case let .villageCodes(lower, upper): "\(village) BETWEEN \(bind: lower) AND \(bind: upper)"
            case let .group(code):
                "household_id IN (SELECT household_id FROM screening_facts WHERE group_code = \(bind: code))"
            case let .grid(code):
                "household_id IN (SELECT household_id FROM screening_facts WHERE grid_code = \(bind: code))"
            }
        guard let only else { return area }
        return "\(area) AND \(BoundIDList(only, sql: sql).contains("household_id"))"
    }

    /// A hit as one packed text: kind, version, risk, member, identity number, message, then the values as key and
    /// value in key order.
    static func pack(_ hit: RuleHit) -> String {
        PackedRecords.pack(
            [hit.kind.rawValue, String(hit.version), hit.riskType.rawValue, hit.memberName, hit.idNumber, hit.message]
                + hit.values.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
    }

    static func unpack(_ text: String) -> RuleHit? {
        guard let fields = PackedRecords.unpack(text), fields.count >= 6, fields.count % 2 == 0,
            let kind = fields[0].flatMap(ScreeningRuleKind.init(rawValue:)),
            let version = fields[1].flatMap({ Int($0) }),
            let risk = fields[2].flatMap(RiskType.init(rawValue:)), let message = fields[5]
        else { return nil }
        var values: [String: String] = [:]
        for index in stride(from: 6, to: fields.count, by: 2) {
            guard let key = fields[index], let value = fields[index + 1] else { return nil }
            values[key] = value
        }
        return RuleHit(
            kind: kind, version: version, riskType: risk, values: values, message: message,
            memberName: fields[3], idNumber: fields[4])
    }
}
