import Foundation

extension User: Audited {
    static let auditEntityType = "user"

    var auditEntityID: String { id?.uuidString ?? "" }
    var auditAreaCode: String? { areaCode }
    /// The password hash is never copied into the audit trail; only the fact that it changed is.
    var auditSnapshot: AuditSnapshot {
        [
            "username": username, "display_name": displayName, "role": role, "area_code": areaCode,
            "department": department ?? "", "phone": phone ?? "", "is_active": isActive ? "是" : "否",
        ]
    }

    /// The snapshot with the sign-in lock, for the changes that end one.
    func auditSnapshot(at now: Date) -> AuditSnapshot {
        auditSnapshot.merging(["locked": isLocked(at: now) ? "是" : "否", "failed_logins": String(failedLogins)]) { $1 }
    }

    /// Whether repeated failed sign-ins keep the account locked at `now`.
    func isLocked(at now: Date) -> Bool {
        lockedUntil.map { $0 > now } ?? false
    }
}
