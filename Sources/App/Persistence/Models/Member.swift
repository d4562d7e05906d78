import Fluent
import Foundation

/// 家庭成员 — a person of a household.
final class Member: Model, @unchecked Sendable {
    static let schema = "members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "household_id") var household: Household
    @Field(key: "name") var name: String
    @Field(key: "id_number") var idNumber: String
    @Field(key: "sex") var sex: String
    /// `YYYY-MM-DD`, derived from the identity number.
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "relation") var relation: String
    @Field(key: "ethnicity") var ethnicity: String
    @Field(key: "education") var education: String
    @OptionalField(key: "school_status") var schoolStatus: String?
    /// Comma-separated `HealthCondition` raw values.
    @Field(key: "health") var health: String
    @OptionalField(key: "disability_grade") var disabilityGrade: Int?
    @Field(key: "labour_capacity") var labourCapacity: String
    @OptionalField(key: "work_place") var workPlace: String?
    @OptionalField(key: "work_months") var workMonths: Int?
    @Field(key: "medical_insured") var medicalInsured: Bool
    @Field(key: "pension_insured") var pensionInsured: Bool
    @Field(key: "minimum_living") var minimumLiving: Bool
    @Field(key: "extreme_poverty") var extremePoverty: Bool
    @Field(key: "public_welfare_job") var publicWelfareJob: Bool
    /// Set when the member moved away or died; the record stays.
    @OptionalField(key: "departed_on") var departedOn: String?
    @OptionalField(key: "departure_reason") var departureReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
