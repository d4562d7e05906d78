import Foundation

extension Area: Audited {
    /// Codes the county assigns itself (villages, groups, grids), as opposed to an official code list edition.
    static let localCodeSystem = "local"
    static let auditEntityType = "area"

    var auditEntityID: String { code }
    var auditAreaCode: String? { code }
    var auditSnapshot: AuditSnapshot {
        ["code": code, "name": name, "level": level, "parent_code": parentCode ?? "", "code_system": codeSystem]
    }
}
