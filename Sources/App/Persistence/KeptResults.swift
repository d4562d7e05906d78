import Domain
import Fluent
import Foundation
import SQLKit

/// What a store of results kept current from the change log (`screening_changes`, written by the registry's
/// triggers) reads and writes about itself: one state row saying on what basis, on which day and up to which logged
/// change its results were made, and which households it has to work out again. The screening's judgements
/// (`ScreeningJudgementStore`) and the data-quality findings (`DataQualityStore`) are two such stores.
struct KeptResults: Sendable {
    /// The store's state table: one row named `current`.
    let stateSchema: String
    /// The table of kept rows with a `household_id` and a `holds_through` day (indexed).
    let resultsSchema: String

    struct State: Decodable, Sendable {
        let basis: String
        let judged_on: String
        let seq: Int64

        /// Whether the results kept stand for `date` on `basis`: made on the same basis, on `date` or a day before
        /// (a day going backwards makes everything again).
        func stands(basis: String, on date: CivilDate) -> Bool {
            self.basis == basis && CivilDate(judged_on).map { $0 <= date } == true
        }
    }

    private static let stateName = "current"

    /// The state row's columns, for a migration.
    static func createStateTable(_ schema: String, on database: any Database) async throws {
        try await database.schema(schema)
            .field("name", .string, .identifier(auto: false))
            .field("basis", .string, .required)
            .field("judged_on", .string, .required)
            .field("seq", .int64, .required)
            .create()
    }

    func state(sql: any SQLDatabase) async throws -> State? {
        try await sql.raw(
            "SELECT basis, judged_on, seq FROM \(ident: stateSchema) WHERE name = \(bind: Self.stateName)"
        )
        .first(decoding: State.self)
    }

    /// The households logged as changed after `seq` up to `through`, and those whose kept rows hold no longer on
    /// `date`; read packed, since an incremental run names tens of thousands of households, and the run-out rows
    /// from their own index (a DISTINCT would walk the household index instead).
    func householdsToRedo(
        changedAfter seq: Int64, through latest: Int64, on date: CivilDate,
        sql: any SQLDatabase
    ) async throws -> Set<UUID> {
        var households = Set<UUID>()
        if seq < latest {
            households.formUnion(
                try await PackedRecords.rows(
                    ["household_id"],
                    from: """
                        screening_changes WHERE seq > \(bind: seq) AND seq <= \(bind: latest)
                        """, sql: sql
                ).compactMap { $0[0].flatMap { Hex.uuid($0.utf8) } })
        }
        households.formUnion(
            try await PackedRecords.rows(
                ["household_id"],
                from: """
                    \(ident: resultsSchema) WHERE holds_through < \(bind: date.description)
                    """, sql: sql
            ).compactMap { $0[0].flatMap { Hex.uuid($0.utf8) } })
        return households
    }

    func setState(basis: String, on date: CivilDate, seq: Int64, sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM \(ident: stateSchema) WHERE name = \(bind: Self.stateName)").run()
        try await sql.raw(
            """
            INSERT INTO \(ident: stateSchema) (name, basis, judged_on, seq)
            VALUES (\(bind: Self.stateName), \(bind: basis), \(bind: date.description), \(bind: seq))
            """
        ).run()
    }
}
