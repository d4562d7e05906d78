import Fluent
import Foundation
import SQLKit

extension ScreeningJudgementStore {
    /// One row of `screening_hits`.
    struct HitRow: Equatable, Sendable {
        let householdID: UUID
        let position: Int
        let villageCode: String
        let kind: String
        let riskType: String
        let fingerprint: String
        let holdsThrough: String
        let packed: String

        /// The values in `hitColumns` order.
        var values: [any Encodable & Sendable] {
            [householdID, position, villageCode, kind, riskType, fingerprint, holdsThrough, packed]
        }

        /// Whether `other` has this row's entry in each of the table's indexes (`indexes`), so that it can be written
        /// over this row in place.
        func hasIndexEntries(of other: HitRow) -> Bool {
            householdID == other.householdID && position == other.position && villageCode == other.villageCode
                && kind == other.kind && holdsThrough == other.holdsThrough
        }
    }

    /// Writes the named households' fresh hits over their kept ones, touching only what differs. Most re-judged
    /// households have no hit before or after, or the same hits with other numbers in their messages (an income
    /// changed by a yuan): those are updated in place, a table page each, where deleting and inserting the rows would
    /// also rewrite their entries in the three indexes, three more random pages per hit. A household whose hits
    /// changed in number, kind or the day they hold through has them deleted and inserted.
    static func rewrite(_ named: [UUID], with fresh: [HitRow], database: any Database) async throws {
        let sql = try database.sql
        let kept = Dictionary(grouping: try await keptRows(of: named, sql: sql), by: \.householdID)
        let judged = Dictionary(grouping: fresh, by: \.householdID)
        var replaced: [UUID] = []
        var inserted: [HitRow] = []
        var updated: [HitRow] = []
        for household in Set(kept.keys).union(judged.keys) {
            let old = (kept[household] ?? []).sorted { $0.position < $1.position }
            let new = (judged[household] ?? []).sorted { $0.position < $1.position }
            guard old != new else { continue }
            if old.count == new.count, zip(old, new).allSatisfy({ $0.hasIndexEntries(of: $1) }) {
                updated += zip(old, new).filter { $0 != $1 }.map(\.1)
            } else {
                if !old.isEmpty { replaced.append(household) }
                inserted += new
            }
        }
        if !replaced.isEmpty {
            try await sql.raw(
                "DELETE FROM screening_hits WHERE \(BoundIDList(replaced, sql: sql).contains("household_id"))"
            ).run()
        }
        try await BulkInsert.copy(into: hitsSchema, columns: hitColumns, rows: inserted.map(\.values), on: database)
        try await updateInPlace(updated, sql: sql)
    }

    private static func keptRows(of households: [UUID], sql: any SQLDatabase) async throws -> [HitRow] {
        let fields: [SQLQueryString] = hitColumns.map { "\(ident: $0)" }
        return try await PackedRecords.rows(
            fields, from: "screening_hits WHERE \(BoundIDList(households, sql: sql).contains("household_id"))",
            sql: sql
        ).map { row in
            guard row.count == 8, let household = row[0].flatMap({ Hex.uuid($0.utf8) }),
                let position = row[1].flatMap({ Int($0) }),
                let village = row[2], let kind = row[3], let risk = row[4], let fingerprint = row[5],
                let holds = row[6],
                let packed = row[7]
            else {
                throw ScreeningConfigurationError(
                    message: "screening_hits row unreadable: \(row.prefix(3).map { $0 ?? "" })")
            }
            return HitRow(
                householdID: household, position: position, villageCode: village, kind: kind, riskType: risk,
                fingerprint: fingerprint, holdsThrough: holds, packed: packed)
        }
    }

    /// The columns outside every index, with the key, as one bound JSON array of objects: one statement for all the
    /// rows.
    private struct InPlace: Encodable {
        let household: String
        let position: Int
        let risk: String
        let fingerprint: String
        let packed: String
    }

    private static func updateInPlace(_ rows: [HitRow], sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let json = String(
            decoding: try JSONEncoder().encode(
                rows.map {
                    InPlace(
                        household: $0.householdID.uuidString, position: $0.position, risk: $0.riskType,
                        fingerprint: $0.fingerprint, packed: $0.packed)
                }), as: UTF8.self)
        let source: SQLQueryString =
            sql.engine == .postgresql
            ? """
            json_array_elements(CAST(\(bind: json) AS json)) n WHERE screening_hits.household_id = CAST(n.value->>'household' AS uuid)
            AND screening_hits.position = CAST(n.value->>'position' AS integer)
            """
            : """
            json_each(\(bind: json)) n WHERE screening_hits.household_id = n.value->>'household'
            AND screening_hits.position = n.value->>'position'
            """
        try await sql.raw(
            """
            UPDATE screening_hits SET risk_type = n.value->>'risk', fingerprint = n.value->>'fingerprint', packed = n.value->>'packed'
            FROM \(source)
            """
        ).run()
    }
}
