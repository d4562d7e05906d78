import Foundation

extension Household: Audited {
    static let auditEntityType = "household"

    var auditEntityID: String { id?.uuidString ?? "" }
    var auditAreaCode: String? { villageCode }
    var auditSnapshot: AuditSnapshot {
        [
            "household_number": householdNumber, "village_code": villageCode, "group_code": groupCode ?? "",
            "grid_code": gridCode ?? "", "head_name": headName, "household_type": householdType,
            "alleviated_year": alleviatedYear.map(String.init) ?? "", "member_count": String(memberCount),
            "phone": phone ?? "", "address": address, "bank_account": bankAccount ?? "",
            "monitoring_status": monitoringStatus,
        ]
    }
}
