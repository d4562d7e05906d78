import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// 部门数据交换: a department's rows, checked whole, matched to registry members by identity number, stored once
/// each, then screened at once for the households they concern.
enum DepartmentIngest {
    struct Unmatched: Codable, Sendable {
        let row: Int
        let idNumber: String
        let name: String
    }

    private struct Match: Decodable {
        let id: UUID
        let household_id: UUID
        let id_number: String
    }

    /// A department file as received (upload or command line): read, checked, stored, screened and audited.
    static func receive(_ data: Data, fileName: String, kind: DepartmentEventKind, source: String, user: CurrentUser,
                        actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar, on database: any Database) async throws -> DepartmentBatch {
        let rows = try UploadedSheet(data, fileName: fileName).rows
        let parsed = DepartmentRowParser.parse(kind: kind, header: rows.first ?? [], rows: Array(rows.dropFirst()),
                                               today: ChinaTime.civilDate(of: now))
        let batch = try await ingest(kind: kind, parsed: parsed, source: source, fileName: fileName, sha256: RegistryImporter.sha256(data),
                                     user: user, at: now, calendar: calendar, on: database)
        try await AuditLog.record(.importData, entityType: "department_batch", entityID: batch.id?.uuidString ?? "", areaCode: user.areaCode.value,
                                  summary: "报送\(kind.label)「\(fileName)」：\(batch.status == "accepted" ? "新增 \(batch.newEvents) 条，重复 \(batch.repeatedEvents) 条" : "有问题，已退回")",
                                  actor: actor, at: now, on: database)
        return batch
    }

    /// Parses, stores and screens; a batch with any bad row is refused whole and stores no event.
    static func ingest(kind: DepartmentEventKind, parsed: Result<[DepartmentEvent], DepartmentImportError>, source: String, fileName: String,
                       sha256: String, user: CurrentUser, at now: Date, calendar: WorkingDayCalendar, on database: any Database) async throws -> DepartmentBatch {
        let batch = DepartmentBatch()
        batch.id = UUID()
        batch.department = kind.department.rawValue
        batch.kind = kind.rawValue
        batch.source = source
        batch.fileName = String(fileName.prefix(200))
        batch.fileSHA256 = sha256
        batch.receivedAt = now
        batch.userID = user.id
        batch.username = user.username
        batch.areaCode = user.areaCode.value
        batch.newEvents = 0; batch.repeatedEvents = 0; batch.matched = 0; batch.unmatched = 0
        batch.unmatchedJSON = "[]"
        switch parsed {
        case let .failure(error):
            batch.status = "refused"
            batch.rowCount = Set(error.problems.map(\.row)).count
            batch.problemsJSON = encode(Array(error.problems.prefix(1_000)))
            try await batch.create(on: database)
            return batch
        case let .success(events):
            batch.status = "accepted"
            batch.rowCount = events.count
            batch.problemsJSON = "[]"
            let scope = user.scope
            let households = try await database.withBulkConnection { database in
                try await store(events, kind: kind, batch: batch, scope: scope, on: database)
            }
            if !households.isEmpty {
                try await ScreeningService.run(scope: user.scope, households: Array(households), dryRun: false,
                                               triggeredBy: "部门数据 \(kind.label)", at: now, calendar: calendar, on: database)
            }
            return batch
        }
    }

    /// Stores the new events in one transaction; returns the households whose data changed.
    /// Only members inside the sender's area are matched: a department learns nothing about people elsewhere.
    private static func store(_ events: [DepartmentEvent], kind: DepartmentEventKind, batch: DepartmentBatch, scope: AccessScope,
                              on database: any Database) async throws -> Set<UUID> {
        guard let sql = database as? any SQLDatabase else { return [] }
        let started = Date()
        var matches: [String: Match] = [:]
        for chunk in Array(Set(events.map(\.idNumber))).chunked(into: 1_000) {
            let rows = try await sql.select()
                .column(SQLColumn("id", table: Member.schema)).column(SQLColumn("household_id", table: Member.schema))
                .column(SQLColumn("id_number", table: Member.schema))
                .from(Member.schema)
                .join(Household.schema, on: SQLColumn("household_id", table: Member.schema), .equal, SQLColumn("id", table: Household.schema))
                .where(SQLColumn("id_number", table: Member.schema), .in, SQLBind.group(chunk))
                .where(SQLColumn("departed_on", table: Member.schema), .is, SQLLiteral.null)
                .where(scope.householdPredicate())
                .all(decoding: Match.self)
            for row in rows { matches[row.id_number] = row }
        }
        let matched = Date()
        let prints = events.map(fingerprint)
        var seen = Set<String>()
        var fingerprints: [String] = []
        for print in prints where seen.insert(print).inserted { fingerprints.append(print) }
        var existing = Set<String>()
        for chunk in fingerprints.chunked(into: 1_000) {
            existing.formUnion(try await DepartmentEventRecord.query(on: database).filter(\.$fingerprint ~~ chunk).all(\.$fingerprint))
        }
        let checked = Date()
        var rows: [[any Encodable & Sendable]] = []
        var unmatched: [Unmatched] = []
        var households = Set<UUID>()
        var written = Set<String>()
        let now = Date()
        for (index, event) in events.enumerated() {
            let match = matches[event.idNumber]
            if match == nil { unmatched.append(Unmatched(row: index + 2, idNumber: event.idNumber, name: event.memberName)) }
            let print = prints[index]
            guard !existing.contains(print), written.insert(print).inserted else { continue }
            if let household = match?.household_id { households.insert(household) }
            rows.append([UUID(), batch.id, kind.rawValue, event.idNumber, event.memberName, event.eventDate.description, event.amount?.fen,
                         event.grade, event.level, event.note, match?.id, match?.household_id, print, now])
        }
        batch.newEvents = rows.count
        batch.repeatedEvents = events.count - rows.count
        batch.unmatched = unmatched.count
        batch.matched = events.count - unmatched.count
        batch.unmatchedJSON = encode(unmatched)
        let finished = rows
        try await database.transaction { database in
            try await batch.create(on: database)
            try await BulkInsert.insert(into: DepartmentEventRecord.schema, columns: [
                "id", "batch_id", "kind", "id_number", "person_name", "event_date", "amount", "grade", "level", "note",
                "member_id", "household_id", "fingerprint", "created_at",
            ], rows: finished, on: database)
        }
        database.logger.info("department records stored", metadata: [
            "rows": "\(events.count)", "match": "\(matched.timeIntervalSince(started))",
            "fingerprints": "\(checked.timeIntervalSince(matched))", "insert": "\(Date().timeIntervalSince(checked))",
        ])
        return households
    }

    static func fingerprint(_ event: DepartmentEvent) -> String {
        LeadIntake.fingerprint(event.kind.rawValue, event.idNumber, event.eventDate.description, event.amount.map { String($0.fen) } ?? "",
                               event.grade ?? "", event.level ?? "")
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
