import Domain
import Foundation
import Vapor

extension API {
    struct ImportBatchItem: Content {
        let id: UUID
        let fileName: String
        let status: String
        let encoding: String?
        let rowCount: Int
        let newHouseholds: Int
        let changedHouseholds: Int
        let unchangedHouseholds: Int
        let newMembers: Int
        let changedMembers: Int
        let problemCount: Int
        /// The first problems (up to 1,000), each with row, column, value and reason.
        let problems: [ImportProblem]
        let notes: [String]
        let createdAt: Date?
        let committedAt: Date?
    }

    struct IncomeRequest: Content {
        let year: String
        /// Yuan as text, keyed by `wage`, `business`, `property`, `transfer`, `productionCosts`, `medicalSelfPay`,
        /// `schooling`, `disasterLoss`, `otherRigidSpending`; missing keys count as zero.
        let amounts: [String: String]
    }

    struct VisitRequest: Content {
        let visitedOn: String
        let findings: String
        let risks: [String]?
        let riskNote: String?
    }

    struct VisitItem: Content {
        let id: UUID
        let visitedOn: String
        let visitorName: String
        let findings: String
        let risks: [String]
        let riskNote: String
    }

    struct GuaranteeRequest: Content {
        let kind: String
        let assessedOn: String
        let secured: Bool?
        let housingGrade: String?
        let water: WaterCriteria?
        let note: String?
    }

    struct GuaranteeItem: Content {
        let id: UUID
        let kind: String
        let assessedOn: String
        let secured: Bool
        let housingGrade: String?
        let note: String
    }

    struct QualityReport: Content {
        struct Item: Content {
            let householdID: UUID
            let householdNumber: String
            let rule: String
            let ruleLabel: String
            let memberName: String?
            let detail: String
        }
        let counts: [String: Int]
        let total: Int
        let findings: [Item]
    }
}

extension API.ImportBatchItem {
    init(_ batch: ImportBatch) throws {
        self.init(
            id: try batch.requireID(), fileName: batch.fileName, status: batch.status, encoding: batch.encoding,
            rowCount: batch.rowCount,
            newHouseholds: batch.newHouseholds, changedHouseholds: batch.changedHouseholds,
            unchangedHouseholds: batch.unchangedHouseholds,
            newMembers: batch.newMembers, changedMembers: batch.changedMembers, problemCount: batch.problemCount,
            problems: batch.problems, notes: batch.notes, createdAt: batch.createdAt, committedAt: batch.committedAt
        )
    }
}
