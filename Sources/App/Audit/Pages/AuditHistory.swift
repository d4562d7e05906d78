import Domain
import Fluent
import Foundation
import Plot

/// One line of a record's history as its viewer may see it.
struct AuditRow {
    struct Change {
        let field: String
        let before: String
        let after: String
    }

    let occurredAt: Date
    let actorName: String
    let action: String
    let summary: String
    let reason: String?
    let changes: [Change]

    /// The history of one record, newest first, with personal data masked unless the page is a full view (`revealed`:
    /// asked for by a role that needs it, and logged), as the record's own fields are.
    static func history(
        entityType: String, entityID: String, revealed: Bool = false, limit: Int = 50, on database: any Database
    ) async throws -> [AuditRow] {
        let events = try await AuditStore.events(ofEntity: entityType, id: entityID, limit: limit, on: database)
        let names = try await AuditNames.load(for: events, on: database)
        return events.map { AuditRow($0, revealed: revealed, names: names) }
    }

    init(_ event: AuditEvent, revealed: Bool = false, names: AuditNames = AuditNames()) {
        occurredAt = event.occurredAt
        actorName = names.person(event.actorID, login: event.actorName)
        action = event.action
        summary = event.summary
        reason = event.reason
        let before = AuditLog.decode(event.beforeJSON)
        let after = AuditLog.decode(event.afterJSON)
        changes = Set(before.keys).union(after.keys).sorted().compactMap { key in
            let old = before[key] ?? "", new = after[key] ?? ""
            guard old != new else { return nil }
            return Change(
                field: AuditFieldLabels.name(key),
                before: names.value(PersonalField.display(old, field: key, full: revealed), field: key),
                after: names.value(PersonalField.display(new, field: key, full: revealed), field: key))
        }
    }
}

/// The people and areas a page of log lines names, read once: people by their name rather than their login, areas by
/// name with the code after it.
struct AuditNames {
    var people: [UUID: String] = [:]
    var areas: [String: String] = [:]

    static func load(for events: [AuditEvent], on database: any Database) async throws -> AuditNames {
        let actors = Array(Set(events.compactMap(\.actorID)))
        var codes = Set<String>()
        for event in events {
            for snapshot in [AuditLog.decode(event.beforeJSON), AuditLog.decode(event.afterJSON)] {
                for (key, value) in snapshot where AuditFieldLabels.areaFields.contains(key) && !value.isEmpty {
                    codes.insert(value)
                }
            }
        }
        var names = AuditNames()
        if !actors.isEmpty {
            for user in try await User.query(on: database).filter(\.$id ~~ actors).all() {
                if let id = user.id { names.people[id] = user.displayName }
            }
        }
        names.areas = try await AreaDirectory.names(of: Array(codes), on: database)
        return names
    }

    /// 王芳（village）for a known user, the recorded login otherwise (a failed login, the system).
    func person(_ id: UUID?, login: String) -> String {
        guard let id, let name = people[id], !name.isEmpty, name != login else {
            return login == "system" ? "系统" : login
        }
        return "\(name)（\(login)）"
    }

    func value(_ raw: String, field: String) -> String {
        if AuditFieldLabels.areaFields.contains(field), let name = areas[raw] { return "\(name)（\(raw)）" }
        return AuditFieldLabels.value(raw, field: field)
    }
}

/// Which snapshot fields hold personal data, masked by the one rule (`PersonalDataMask.shown`).
enum PersonalField {
    /// `value` of the snapshot key or column `field` as a full view (`full`) or masked.
    static func display(_ value: String, field: String, full: Bool) -> String {
        guard let personal = PersonalDataField(name: field) else { return value }
        return PersonalDataMask.shown(value, as: personal, full: full)
    }
}

/// 变更记录 — the history block shown at the bottom of a record's page.
enum AuditHistory {
    static func node(_ rows: [AuditRow]) -> Node<HTML.BodyContext> {
        .section(
            .class("card history"),
            .h2(.text("变更记录")),
            rows.isEmpty
                ? .p(.class("muted"), .text("暂无变更记录。"))
                : .ul(
                    .forEach(rows) { row in
                        .li(
                            .div(
                                .class("history-head"),
                                .text("\(DisplayFormat.minute(row.occurredAt)) · \(row.actorName) · \(row.summary)")),
                            .unwrap(row.reason) { .div(.class("muted small"), .text("理由：\($0)")) },
                            .if(
                                !row.changes.isEmpty,
                                .ul(
                                    .class("changes"),
                                    .forEach(row.changes) { change in
                                        .li(
                                            .span(.text(change.field)),
                                            .text(
                                                "：\(change.before.isEmpty ? "（空）" : change.before) → \(change.after.isEmpty ? "（空）" : change.after)"
                                            ))
                                    }))
                        )
                    })
        )
    }
}
