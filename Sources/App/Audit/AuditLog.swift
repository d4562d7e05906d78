import Fluent
import Foundation
import Vapor

/// A field-by-field picture of a record, written to the audit trail before and after a change.
typealias AuditSnapshot = [String: String]

/// Anything whose changes are audited describes itself as a snapshot and names the area it belongs to.
protocol Audited {
    static var auditEntityType: String { get }
    var auditEntityID: String { get }
    var auditAreaCode: String? { get }
    var auditSnapshot: AuditSnapshot { get }
}

/// Writes the append-only audit trail (操作日志).
enum AuditLog {
    enum Action: String {
        case create, update, delete
        case login, loginFailed = "login_failed", logout
        case issueToken = "issue_token"
        case viewPersonalData = "view_personal_data"
        case importData = "import"
        case export
        /// A file received and checked (a registry file's preview, a department file before it is stored).
        case upload
        /// An import preview opened: it shows the file's rows and problems, values included.
        case viewPreview = "view_preview"
    }

    struct Actor: Sendable {
        let id: UUID?
        let name: String

        static let system = Actor(id: nil, name: "system")
    }

    static func record(
        _ action: Action, entityType: String, entityID: String, areaCode: String?, summary: String,
        before: AuditSnapshot? = nil, after: AuditSnapshot? = nil, reason: String? = nil,
        actor: Actor, at date: Date, on database: any Database
    ) async throws {
        let event = AuditEvent()
        event.occurredAt = date
        event.actorID = actor.id
        event.actorName = actor.name
        event.action = action.rawValue
        event.entityType = entityType
        event.entityID = entityID
        event.areaCode = areaCode
        event.summary = summary
        event.beforeJSON = try before.map(encode)
        event.afterJSON = try after.map(encode)
        event.reason = reason
        try await event.create(on: database)
    }

    /// Records a change of an audited record; `before` is nil for a creation.
    static func recordChange<R: Audited>(
        of record: R, before: AuditSnapshot?, summary: String, reason: String? = nil,
        actor: Actor, at date: Date, on database: any Database
    ) async throws {
        try await Self.record(
            before == nil ? .create : .update, entityType: R.auditEntityType, entityID: record.auditEntityID,
            areaCode: record.auditAreaCode, summary: summary, before: before, after: record.auditSnapshot,
            reason: reason, actor: actor, at: date, on: database
        )
    }

    static func decode(_ json: String?) -> AuditSnapshot {
        guard let json, let data = json.data(using: .utf8),
            let snapshot = try? JSONDecoder().decode(AuditSnapshot.self, from: data)
        else { return [:] }
        return snapshot
    }

    private static func encode(_ snapshot: AuditSnapshot) throws -> String {
        encodeSnapshot(snapshot)
    }

    /// A snapshot as stored: JSON with sorted keys, so equal snapshots are equal text.
    static func encodeSnapshot(_ snapshot: AuditSnapshot) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(snapshot)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Request {
    var auditActor: AuditLog.Actor {
        guard let user = currentUser else { return .system }
        return AuditLog.Actor(id: user.id, name: user.username)
    }
}
