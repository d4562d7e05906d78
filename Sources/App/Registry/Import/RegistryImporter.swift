import Crypto
import Domain
import Fluent
import Foundation
import Spreadsheet
import SQLKit
import Vapor

/// 登记表导入: reads a registry file a block of rows at a time, checks every row and every conflict with the registry,
/// and — only when there is no problem at all — applies it in one transaction. Applying the same file twice changes
/// nothing: households are matched by household number and members by identity number. Memory stays flat in the
/// file's size for UTF-8 CSV: the rows wait in a staging table (`RegistryStagingStore`) on the import's connection.
enum RegistryImporter {
    /// What a file holds and would change, and every problem found.
    struct Reading: Sendable {
        /// Data rows read, not counting empty rows.
        var rowCount = 0
        /// Households whose every row passed every check of the file itself.
        var householdCount = 0
        var newHouseholds = 0
        var changedHouseholds = 0
        var unchangedHouseholds = 0
        var newMembers = 0
        var changedMembers = 0
        /// Members in the registry that the file does not list; they are kept as they are.
        var unlistedMembers = 0
        var problems: [ImportProblem] = []
        var notes: [String] = []
        /// The text encoding a CSV was read in (UTF-8, GB18030 …); nil for xlsx.
        var encoding: String?

        var isValid: Bool { problems.isEmpty }
    }

    /// The file had problems, so the transaction that was to apply it is rolled back; the reading names them.
    struct Refused: Error {
        let reading: Reading
    }

    /// How much of a file is held at a time: bytes of CSV read per block, and households compared and applied per page.
    /// Tests make them small to cross block and page boundaries with small files.
    struct Blocks: Sendable {
        var bytes = CSVFileReader.defaultBlockSize
        var households = 5_000
    }

    /// Reads and checks a file against the registry as it is now, for the user's scope; changes nothing.
    static func read(
        fileAt path: String, fileName: String, scope: AccessScope, today: CivilDate, blocks: Blocks = Blocks(),
        on database: any Database
    ) async throws -> Reading {
        try await database.withBulkConnection { connection in
            try await process(
                path, fileName: fileName, scope: scope, today: today, blocks: blocks, write: nil, on: connection)
        }
    }

    /// What applying a file writes besides the registry rows: its batch, who did it and when.
    struct Write: Sendable {
        let batchID: UUID
        let actor: AuditLog.Actor
        let date: Date
    }

    /// Reads, checks and applies a file in one pass (web or command line): on one connection with a large page cache,
    /// in one transaction (`withBulkTransaction`), the registry changes page by page, whatever the caller records alongside (`alongside`),
    /// and the audit record of the import. A file with any problem throws `Refused` and leaves everything as it was.
    /// `channel` names where it came from in the audit summary (empty for the web).
    @discardableResult
    static func commit(
        fileAt path: String, fileName: String, scope: AccessScope, today: CivilDate, batchID: UUID, areaCode: String,
        channel: String = "", actor: AuditLog.Actor, at now: Date, blocks: Blocks = Blocks(), on database: any Database,
        alongside: @escaping @Sendable (any Database, Reading) async throws -> Void = { _, _ in }
    ) async throws -> Reading {
        try await database.withBulkTransaction { database in
            let write = Write(batchID: batchID, actor: actor, date: now)
            let reading = try await process(
                path, fileName: fileName, scope: scope, today: today, blocks: blocks, write: write, on: database)
            guard reading.isValid else { throw Refused(reading: reading) }
            try await alongside(database, reading)
            try await AuditLog.record(
                .importData, entityType: "import_batch", entityID: batchID.uuidString, areaCode: areaCode,
                summary:
                    "\(channel)导入登记表「\(fileName)」：新增 \(reading.newHouseholds) 户，更新 \(reading.changedHouseholds) 户，未变 \(reading.unchangedHouseholds) 户",
                actor: actor, at: now, on: database
            )
            return reading
        }
    }

    /// Stages and checks every row block by block, runs the checks across rows and the comparison with the registry
    /// in SQL, then — when `write` is given and nothing is wrong — writes the new households set-based and applies
    /// the changed ones a page at a time. Problems come out in the order of `RegistryImportPlan`, then the registry's
    /// conflicts.
    private static func process(
        _ path: String, fileName: String, scope: AccessScope, today: CivilDate, blocks: Blocks, write: Write?,
        on database: any Database
    ) async throws -> Reading {
        let clock = ContinuousClock(), started = clock.now
        var source = try SheetRowSource(path: path, fileName: fileName, blockBytes: blocks.bytes)
        var reading = Reading(encoding: source.encoding)
        guard var rows = try source.next(), !rows.isEmpty else { throw AppError.emptyFile(fileName: fileName) }
        let header = rows.removeFirst()
        var check: RegistryBlockCheck
        do {
            check = try RegistryBlockCheck(header: header, today: today)
        } catch {
            reading.problems = error.problems
            return reading
        }
        reading.notes = check.header.notes
        let areas = try await knownAreas(in: scope, on: database)
        let staging = try RegistryStagingStore(on: database, householdsPerPage: blocks.households)
        try await staging.create()
        var found: [ImportProblem] = []
        // The next block is read, checked and made into staged rows on another thread while this one is written.
        let reader = BlockReader(source: source, check: check, areas: areas)
        var pending = Task<BlockReader.Block?, any Error> { reader.checked(rows) }
        defer { pending.cancel() }
        while let block = try await pending.value {
            pending = Task { try reader.next() }
            reading.rowCount += block.rows.count
            found += block.problems
            try await staging.insert(block.rows)
        }
        let staged = clock.now
        try await staging.index()
        found += try await crossRowProblems(in: staging)
        // Stable by row: within a row, cell problems first in column order, then cross-row ones.
        let planProblems = found.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(
            \.element)
        let checked = clock.now
        try await staging.classify(scope: scope, troubled: Set(planProblems.map(\.row)))
        let counts = try await staging.counts()
        reading.householdCount = counts.values.reduce(0) { $0 + $1.households }
        reading.newHouseholds = counts[.new]?.households ?? 0
        reading.newMembers = counts[.new]?.members ?? 0
        reading.unchangedHouseholds = counts[.same]?.households ?? 0
        let registryProblems = try await Self.registryProblems(in: staging, scope: scope).sorted {
            ($0.row, $0.column) < ($1.row, $1.column)
        }
        let compared = clock.now
        let applies = write != nil && planProblems.isEmpty && registryProblems.isEmpty
        if let write, applies {
            try await staging.insertNewHouseholds(batchID: write.batchID, actor: write.actor, at: write.date)
        }
        let inserted = clock.now
        // The few households that differ from the registry go through the domain's comparison, a page at a time.
        var after = ""
        while let page = try await staging.changedHouseholds(after: after) {
            after = page.last
            let diff = try await RegistryDiff.make(households: page.drafts, on: database)
            reading.newHouseholds += diff.newHouseholds.count
            reading.changedHouseholds += diff.changedHouseholds
            reading.unchangedHouseholds += diff.unchangedHouseholds
            reading.newMembers += diff.newMemberCount
            reading.changedMembers += diff.changedMemberCount
            reading.unlistedMembers += diff.unlistedMemberCount
            if let write, applies {
                try await apply(diff, batchID: write.batchID, actor: write.actor, at: write.date, on: database)
            }
        }
        try await staging.drop()
        reading.problems = planProblems + registryProblems
        database.logger.info(
            """
            registry file staged \(staged - started), checked \(checked - staged), compared \(compared - checked), \
            new households written \(inserted - compared), changed ones and clean-up \(clock.now - inserted)
            """)
        return reading
    }

    /// Reads and checks a file's blocks in turn, for one task at a time: the next read starts only once the previous
    /// one was awaited, which is what makes handing it between tasks safe.
    private final class BlockReader: @unchecked Sendable {
        private var source: SheetRowSource
        private var check: RegistryBlockCheck
        private let areas: (villages: Set<String>, subAreas: Set<String>)
        private var nextRow = 2

        init(source: SheetRowSource, check: RegistryBlockCheck, areas: (villages: Set<String>, subAreas: Set<String>)) {
            self.source = source
            self.check = check
            self.areas = areas
        }

        typealias Block = (rows: [[StagedCell]], problems: [ImportProblem])

        /// The next block's rows read, checked alone and made into staged rows; nil after the last.
        func next() throws -> Block? {
            guard let rows = try source.next() else { return nil }
            return checked(rows)
        }

        func checked(_ rows: [[String]]) -> Block? {
            let areas = areas
            defer { nextRow += rows.count }
            let (readings, problems) = check.read(
                rows, firstRow: nextRow, isKnownVillage: { areas.villages.contains($0.value) },
                isKnownSubArea: { areas.subAreas.contains($0.value) })
            return (readings.map(RegistryStagingStore.cells(of:)), problems)
        }
    }

    private struct AreaRow: Decodable { let code: String; let level: String }

    /// Village, group and grid codes inside the scope: the only places an import may put a household. Plain rows,
    /// not models: a province has hundreds of thousands of them.
    private static func knownAreas(
        in scope: AccessScope, on database: any Database
    ) async throws -> (villages: Set<String>, subAreas: Set<String>) {
        guard let sql = database as? any SQLDatabase else { return ([], []) }
        let range = scope.areaCodeRange
        let rows = try await sql.select().columns("code", "level").from(Area.schema)
            .where("code", .greaterThanOrEqual, range.lower).where("code", .lessThanOrEqual, range.upper)
            .where("level", .in, [AreaLevel.village.rawValue, AreaLevel.group.rawValue, AreaLevel.grid.rawValue])
            .all(decoding: AreaRow.self)
        var villages = Set<String>(), subAreas = Set<String>()
        for area in rows {
            if area.level == AreaLevel.village.rawValue {
                villages.insert(area.code)
            } else {
                subAreas.insert(area.code)
            }
        }
        return (villages, subAreas)
    }

    static func sha256(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }
}
