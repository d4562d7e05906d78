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
}
