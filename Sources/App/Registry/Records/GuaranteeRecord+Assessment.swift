import Domain
import Foundation

/// A guarantee record as written from the domain's assessment, and as the audit trail shows it.
extension GuaranteeRecord {
    convenience init(_ assessment: GuaranteeAssessment, householdID: UUID, recordedBy: String) {
        self.init()
        $household.id = householdID
        kind = assessment.kind.rawValue
        assessedOn = assessment.assessedOn.description
        secured = assessment.isSecured
        housingGrade = assessment.housingGrade?.rawValue
        waterQuantity = assessment.water?.enoughQuantity
        waterQuality = assessment.water?.qualityTested
        waterConvenience = assessment.water?.convenient
        waterReliability = assessment.water?.reliable
        note = assessment.note
        self.recordedBy = recordedBy
    }

    var auditSnapshot: AuditSnapshot {
        var snapshot = ["kind": kind, "assessed_on": assessedOn, "secured": secured ? "是" : "否", "note": note]
        if let housingGrade { snapshot["housing_grade"] = housingGrade }
        if let waterQuantity, let waterQuality, let waterConvenience, let waterReliability {
            snapshot["water"] = [waterQuantity, waterQuality, waterConvenience, waterReliability].map { $0 ? "是" : "否" }
                .joined(separator: "/")
        }
        return snapshot
    }
}
