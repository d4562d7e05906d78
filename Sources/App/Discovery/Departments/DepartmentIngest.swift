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

    /// What receiving a file did, with the seconds spent checking and storing it (up to the commit, after which the
    /// file is durably stored), copying the write-ahead log into the SQLite file, and then screening the households
    /// it touched, told apart: the screening is the incremental screening's work, whatever brought the change.
    struct Receipt: Sendable {
        let batch: DepartmentBatch
        let storing: Double
        var writeBack: Double = 0
        let screening: Double
    }

    /// A department file as received (upload or command line): read, checked, stored with its audit record, screened.
    static func receive(
        _ data: Data, fileName: String, kind: DepartmentEventKind, source: String, user: CurrentUser,
        actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar, on database: any Database
    ) async throws -> Receipt {
        let started = Date()
        let rows: [[String]]
        do {
            rows = try UploadedSheet(data, fileName: fileName).rows
        } catch {
            // Nothing is stored for a file that cannot be read, but that it was sent, by whom, is kept.
            try await AuditLog.recordUpload(
                entityType: "department_batch", entityID: "", summary: "报送\(kind.label)「\(fileName)」：文件无法读取，已退回",
                file: String(fileName.prefix(200)), sha256: RegistryImporter.sha256(data),
                details: ["kind": kind.rawValue, "status": "unreadable"], user: user, actor: actor, at: now,
                on: database)
            throw error
        }
        let parsed = DepartmentRowParser.parse(
            kind: kind, header: rows.first ?? [], rows: Array(rows.dropFirst()),
            today: ChinaTime.civilDate(of: now))
        return try await ingest(
            kind: kind, parsed: parsed, source: source, fileName: fileName, sha256: RegistryImporter.sha256(data),
            user: user, actor: actor, at: now, calendar: calendar, started: started, on: database)
    }

    /// Parses, stores and screens; a batch with any bad row is refused whole and stores no event. Either way the
    /// batch and its audit record are written in one transaction.
    static func ingest(
        kind: DepartmentEventKind, parsed: Result<[DepartmentEvent], DepartmentImportError>, source: String,
        fileName: String,
        sha256: String, user: CurrentUser, actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar,
        started: Date = Date(), on database: any Database
    ) async throws -> Receipt {
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
        let audit: @Sendable (any Database) async throws -> Void = { database in
            try await AuditLog.record(
                .importData, entityType: "department_batch", entityID: batch.id?.uuidString ?? "",
                areaCode: user.areaCode.value,
                summary:
                    "报送\(kind.label)「\(fileName)」\(batch.rowCount) 行：\(batch.status == "accepted" ? "新增 \(batch.newEvents) 条，重复 \(batch.repeatedEvents) 条，未匹配 \(batch.unmatched) 条" : "有问题，已退回")",
                after: [
                    "kind": kind.rawValue, "source": source, "file": batch.fileName, "sha256": sha256,
                    "rows": String(batch.rowCount),
                    "new": String(batch.newEvents), "repeated": String(batch.repeatedEvents),
                    "unmatched": String(batch.unmatched),
                    "status": batch.status,
                ],
                actor: actor, at: now, on: database)
        }
        switch parsed {
        case let .failure(error):
            batch.status = "refused"
            batch.rowCount = Set(error.problems.map(\.row)).count
            batch.problemsJSON = encode(Array(error.problems.prefix(1_000)))
            try await database.transaction { database in
                try await batch.create(on: database)
                try await audit(database)
            }
            return Receipt(batch: batch, storing: Date().timeIntervalSince(started), screening: 0)
        case let .success(events):
            batch.status = "accepted"
            batch.rowCount = events.count
            batch.problemsJSON = "[]"
            let households = try await store(
                events, kind: kind, batch: batch, scope: user.scope, at: now, on: database, alongside: audit)
            let stored = Date()
            try await database.checkpointWriteAheadLog()
            let writtenBack = Date()
            if !households.isEmpty {
                let only = households.count > ScreeningService.wholeScopeThreshold ? nil : Array(households)
                try await ScreeningService.run(
                    scope: user.scope, households: only, dryRun: false,
                    triggeredBy: "部门数据 \(kind.label)", at: now, calendar: calendar, on: database)
            }
            return Receipt(
                batch: batch, storing: stored.timeIntervalSince(started),
                writeBack: writtenBack.timeIntervalSince(stored),
                screening: Date().timeIntervalSince(writtenBack))
        }
    }

    /// What makes two rows the same record, within the area that received them (the sending account's area): the
    /// same row sent to another area is another area's record.
    static func fingerprint(_ event: DepartmentEvent, receivedIn area: String) -> String {
        area + ":" + fingerprint(event)
    }

    private static func fingerprint(_ event: DepartmentEvent) -> String {
        LeadIntake.fingerprint(
            event.kind.rawValue, event.idNumber, event.eventDate.description, event.amount.map { String($0.fen) } ?? "",
            event.grade ?? "", event.level ?? "")
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
