import Domain
import Foundation

/// One generated household with its members and income history.
public struct DemoHousehold: Sendable {
    public let id: UUID
    public let number: String
    public let villageCode: AreaCode
    public let groupCode: AreaCode?
    public let gridCode: AreaCode?
    public let type: HouseholdType
    public let alleviatedYear: Int?
    public let status: HouseholdMonitoringStatus
    public let phone: String
    public let bankAccount: String
    public let address: String
    public let members: [DemoMember]
    public let incomes: [DemoIncome]
    /// The latest assessment of each guarantee.
    public let guarantees: [GuaranteeAssessment]

    public var head: DemoMember? { members.first { $0.relation == .head } }
}

public struct DemoMember: Sendable {
    public let id: UUID
    public let name: String
    public let identityNumber: IdentityNumber
    public let relation: RelationToHead
    public let education: Education
    public let schoolStatus: SchoolStatus?
    public let health: [HealthCondition]
    public let disabilityGrade: Int?
    public let labour: LabourCapacity
    public let workPlace: String?
    public let workMonths: Int?
    public let medicalInsured: Bool
    public let pensionInsured: Bool
    public let minimumLiving: Bool
    public let extremePoverty: Bool
    public let publicWelfareJob: Bool

    public var sex: Sex { identityNumber.sex }
    public var birthDate: CivilDate { identityNumber.birthDate }
}

/// A year of a generated household's income and spending.
public struct DemoIncome: Sendable {
    public let year: Int
    public let statement: IncomeStatement
    public let summary: IncomeSummary
}
