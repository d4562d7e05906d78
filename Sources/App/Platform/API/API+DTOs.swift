import Domain
import Foundation
import Vapor

/// The shapes the JSON API speaks; models never leave the server as they are.
enum API {
    struct TokenRequest: Content {
        let username: String
        let password: String
    }

    struct TokenResponse: Content {
        let token: String
        let expiresAt: Date
        let user: Me
    }

    struct Me: Content {
        let id: UUID
        let username: String
        let displayName: String
        let role: String
        let roleLabel: String
        let areaCode: String
        let department: String?
    }

    struct Page<Item: Content>: Content {
        let items: [Item]
        let total: Int
        let limit: Int
        let offset: Int
    }

    struct HouseholdSummary: Content {
        let id: UUID
        let householdNumber: String
        let headName: String
        let villageCode: String
        let groupCode: String?
        let gridCode: String?
        let householdType: String
        let monitoringStatus: String
        let memberCount: Int
    }

    struct HouseholdDetail: Content {
        let household: HouseholdSummary
        let alleviatedYear: Int?
        let phone: String?
        let address: String
        let bankAccount: String?
        /// True when personal data is shown in full (and the view was logged).
        let revealed: Bool
        let members: [MemberItem]
        let incomes: [IncomeItem]
    }

    struct MemberItem: Content {
        let id: UUID
        let name: String
        let relation: String
        let sex: String
        let birthDate: String
        let idNumber: String
        let labourCapacity: String
        let health: [String]?
        let education: String
        let schoolStatus: String?
    }

    struct IncomeItem: Content {
        let periodStart: String
        let periodEnd: String
        /// Amounts in fen (1/100 yuan).
        let netIncome: Int64
        let perCapitaNet: Int64
        let memberCount: Int
    }

    struct AreaItem: Content {
        let code: String
        let name: String
        let level: String
        let parentCode: String?
        let codeSystem: String
        let households: Int?
        let people: Int?
    }

    struct AreaDetail: Content {
        let area: AreaItem
        let children: [AreaItem]
    }
}

extension API.HouseholdSummary {
    init?(_ household: Household) {
        guard let id = household.id else { return nil }
        self.init(
            id: id, householdNumber: household.householdNumber, headName: household.headName,
            villageCode: household.villageCode, groupCode: household.groupCode, gridCode: household.gridCode,
            householdType: household.householdType, monitoringStatus: household.monitoringStatus,
            memberCount: household.memberCount
        )
    }
}

extension API.AreaItem {
    init(_ area: Area, counts: HouseholdCounts?) {
        self.init(
            code: area.code, name: area.name, level: area.level, parentCode: area.parentCode,
            codeSystem: area.codeSystem, households: counts?.households, people: counts?.people
        )
    }
}
