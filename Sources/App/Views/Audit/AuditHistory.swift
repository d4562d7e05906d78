import Domain
import Fluent
import SQLKit
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
    static func history(entityType: String, entityID: String, revealed: Bool = false, limit: Int = 50, on database: any Database) async throws -> [AuditRow] {
        try await database.plainRows(AuditEvent.self, """
            WHERE entity_type = \(bind: entityType) AND entity_id = \(bind: entityID) ORDER BY occurred_at DESC LIMIT \(literal: limit)
            """)
            .map { AuditRow($0, revealed: revealed) }
    }

    init(_ event: AuditEvent, revealed: Bool = false) {
        occurredAt = event.occurredAt
        actorName = event.actorName
        action = event.action
        summary = event.summary
        reason = event.reason
        let before = AuditLog.decode(event.beforeJSON)
        let after = AuditLog.decode(event.afterJSON)
        changes = Set(before.keys).union(after.keys).sorted().compactMap { key in
            let old = before[key] ?? "", new = after[key] ?? ""
            guard old != new else { return nil }
            return Change(field: AuditFieldLabels.name(key),
                          before: AuditFieldLabels.value(PersonalField.display(old, field: key, full: revealed), field: key),
                          after: AuditFieldLabels.value(PersonalField.display(new, field: key, full: revealed), field: key))
        }
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
            rows.isEmpty ? .p(.class("muted"), .text("暂无变更记录。")) : .ul(.forEach(rows) { row in
                .li(
                    .div(.class("history-head"), .text("\(DisplayFormat.minute(row.occurredAt)) · \(row.actorName) · \(row.summary)")),
                    .unwrap(row.reason) { .div(.class("muted small"), .text("理由：\($0)")) },
                    .if(!row.changes.isEmpty, .ul(.class("changes"), .forEach(row.changes) { change in
                        .li(.span(.text(change.field)), .text("：\(change.before.isEmpty ? "（空）" : change.before) → \(change.after.isEmpty ? "（空）" : change.after)"))
                    }))
                )
            })
        )
    }
}
