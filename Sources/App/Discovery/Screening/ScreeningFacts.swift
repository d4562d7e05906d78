import Domain
import Foundation
import SQLKit

/// Finds the households a screening has to judge and builds their facts: the kept facts rows
/// (`ScreeningFactsStore`), the department records in the widest window in force, and the identity numbers of
/// registry students where an education record could count one of them twice. The reads are the store's
/// (`ScreeningFactsStore+Candidates`, `ScreeningFactsStore+Batch`).
enum ScreeningFacts {
    struct Candidate {
        let id: UUID
        let villageCode: String
        var facts: HouseholdFacts
    }

    static let chunkSize = 1_000

    /// The households a screening judges: their kept facts rows in household-number order, and which of them have
    /// department records to read (nil: all of them).
    struct Selection {
        var rows: [ScreeningFactsRow]
        var withRecords: Set<UUID>?
    }

    /// The selected households' facts, a batch at a time so memory stays flat: the kept facts, the department
    /// records in the widest window in force, and students' identity numbers where an education record could count
    /// one of them twice.
    static func batches(
        _ selection: Selection, size: Int, bounds: ScreeningBounds, on date: CivilDate, line: (AreaCode) -> Money?,
        sql: any SQLDatabase, body: ([Candidate]) async throws -> Void
    ) async throws {
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
            return Task {
                try await ScreeningFactsStore.facts(
                    of: rows, withRecords: withRecords, lines: villageLines, bounds: bounds, on: date, sql: sql)
            }
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
}
