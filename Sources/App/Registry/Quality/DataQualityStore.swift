import Domain
import Fluent
import Foundation
import SQLKit

/// 数据质量核查结果: every household's findings, counted per rule, as the check last found them, kept current like
/// the screening's judgements. Before the page is read, the households logged as changed since (`screening_changes`,
/// written by the registry's triggers) and those whose findings have run out (`DataQualityCheck.holdsThrough`: a
/// birthday) are checked again; when the check itself changes (`DataQualityCheck.revision`), the day goes backwards
/// or too many households changed, all are. Repeated identity numbers depend on the area looked at and are found
/// live for each report (`repeatedIdentityNumbers`), so they are not kept.
enum DataQualityStore {
    static let findingsSchema = "data_quality_findings"
    static let checksSchema = "data_quality_checks"
    static let stateSchema = "data_quality_state"
    private static let kept = KeptResults(stateSchema: stateSchema, resultsSchema: checksSchema)
    private static let findingColumns = [
        "household_id", "household_number", "village_code", "group_code", "grid_code", "rule", "findings",
    ]

    /// What bringing the findings current did.
    struct Work: Sendable, Equatable {
        /// Households named for checking again; nil when everyone was.
        var named: Int?
        var checked = 0
    }

    private struct SeqRow: Decodable { let seq: Int64? }

    private static let section = ExclusiveSection(key: 0x5357_4451_4348)  // "SWDQCH"

    /// Checks again what has to be for `today`, on one connection of `database` (the primary), one run at a time.
    @discardableResult
    static func bringCurrent(
        today: CivilDate, batchSize: Int = DataQualityService.householdsPerBatch,
        on database: any Database
    ) async throws -> Work {
        guard database is any SQLDatabase else { return Work() }
        return try await database.withBulkConnection { connection in
            try await section.run(on: connection) {
                try await bringCurrent(today: today, batchSize: batchSize, connection: connection)
            }
        }
    }

    private static func bringCurrent(today: CivilDate, batchSize: Int, connection: any Database) async throws -> Work {
        let sql = try connection.sql
        let state = try await kept.state(sql: sql)
        let logged =
            try await sql.raw("SELECT MAX(seq) AS seq FROM screening_changes").first(decoding: SeqRow.self)?.seq ?? 0
        let latest = max(logged, state?.seq ?? 0)
        var named: [UUID]?
        if let state, state.stands(basis: DataQualityCheck.revision, on: today) {
            let households = try await kept.householdsToRedo(
                changedAfter: state.seq, through: latest, on: today, sql: sql)
            if households.isEmpty {
                if state.seq == latest, state.judged_on == today.description { return Work(named: 0) }
                try await setState(on: today, seq: latest, sql: sql)
                return Work(named: 0)
            }
            if households.count <= ScreeningService.wholeScopeThreshold { named = Array(households) }
        }
        let only = named
        return try await connection.transactionOnConnection { database in
            let sql = try database.sql
            var work = Work(named: only?.count)
            if let only {
                for chunk in only.chunked(into: batchSize) {
                    let list = BoundIDList(chunk, sql: sql)
                    try await sql.raw("DELETE FROM data_quality_findings WHERE \(list.contains("household_id"))").run()
                    try await sql.raw("DELETE FROM data_quality_checks WHERE \(list.contains("household_id"))").run()
                    let households = try await database.plainRows(Household.self, "WHERE \(list.contains("id"))")
                    work.checked += try await check(households, today: today, database: database)
                }
            } else {
                try await sql.raw("DELETE FROM data_quality_findings").run()
                try await sql.raw("DELETE FROM data_quality_checks").run()
                var after: String?
                while true {
                    let position: SQLQueryString = after.map { "WHERE household_number > \(bind: $0)" } ?? ""
                    let households = try await database.plainRows(
                        Household.self,
                        """
                        \(position) ORDER BY household_number LIMIT \(literal: batchSize)
                        """)
                    work.checked += try await check(households, today: today, database: database)
                    guard households.count == batchSize, let last = households.last else { break }
                    after = last.householdNumber
                }
            }
            try await setState(on: today, seq: latest, sql: sql)
            return work
        }
    }

    /// Checks `households` with their present members and writes what it finds, counted per rule, and how long
    /// that holds; returns how many were checked.
    private static func check(_ households: [Household], today: CivilDate, database: any Database) async throws -> Int {
        let members = try await MemberRow.present(inHouseholds: households.compactMap(\.id), on: database)
        var findings: [[any Encodable & Sendable]] = []
        var checks: [[any Encodable & Sendable]] = []
        for household in households {
            guard let id = household.id,
                let snapshot = DataQualityService.snapshot(of: household, members: members[id] ?? [])
            else { continue }
            var counts: [DataQualityRule: Int] = [:]
            for finding in DataQualityCheck.findings(in: snapshot, today: today)
            where finding.rule != .duplicateIdentityNumber {
                counts[finding.rule, default: 0] += 1
            }
            for (rule, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                findings.append([
                    id, household.householdNumber, household.villageCode, household.groupCode, household.gridCode,
                    rule.rawValue, count,
                ])
            }
            checks.append([id, DataQualityCheck.holdsThrough(snapshot, today: today).description])
        }
        try await BulkInsert.copy(into: findingsSchema, columns: findingColumns, rows: findings, on: database)
        try await BulkInsert.copy(
            into: checksSchema, columns: ["household_id", "holds_through"], rows: checks, on: database)
        return checks.count
    }

    private static func setState(on date: CivilDate, seq: Int64, sql: any SQLDatabase) async throws {
        try await kept.setState(basis: DataQualityCheck.revision, on: date, seq: seq, sql: sql)
    }
}
