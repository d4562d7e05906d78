import Fluent
import Foundation

/// 保障评估记录 — one dated assessment of a guarantee; the latest per kind is the household's current status.
final class GuaranteeRecord: Model, @unchecked Sendable {
    static let schema = "guarantee_assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    @Field(key: "kind") var kind: String
    @Field(key: "assessed_on") var assessedOn: String
    @Field(key: "secured") var secured: Bool
    @OptionalField(key: "housing_grade") var housingGrade: String?
    @OptionalField(key: "water_quantity") var waterQuantity: Bool?
    @OptionalField(key: "water_quality") var waterQuality: Bool?
    @OptionalField(key: "water_convenience") var waterConvenience: Bool?
    @OptionalField(key: "water_reliability") var waterReliability: Bool?
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
