import Domain
import Fluent
import Vapor

extension HomePage {
    /// What a user's home page shows: their area, its totals, and the areas directly beneath with their counts.
    struct Model {
        struct ChildRow {
            let code: String
            let name: String
            let level: AreaLevel
            let counts: HouseholdCounts
        }

        let user: CurrentUser
        let areaName: String
        let areaPath: String
        let totals: HouseholdCounts
        let children: [ChildRow]
        /// For the roles that work household by household (grid, contact, village): the first households of the area.
        let households: [HouseholdRow]
    }

    struct HouseholdRow {
        let id: UUID
        let number: String
        let headName: String
        let type: String
        let status: String
        let memberCount: Int
    }

    static func query(for user: CurrentUser, on database: any Database) async throws -> Model {
        let root = user.scope.root
        let lineage = try await AreaDirectory.lineage(of: root.value, on: database)
        let totals = try await HouseholdStatistics.totals(in: user.scope, on: database)
        let childAreas = try await AreaDirectory.children(of: root.value, on: database)
        let counts = try await AreaDirectory.childCounts(of: root, level: root.level, scope: user.scope, on: database)
        let children = childAreas.compactMap { area -> Model.ChildRow? in
            guard let level = AreaLevel(rawValue: area.level) else { return nil }
            return .init(code: area.code, name: area.name, level: level, counts: counts[area.code] ?? HouseholdCounts())
        }
        var households: [HouseholdRow] = []
        if [.grid, .contact, .village].contains(user.role) {
            households = try await Household.restrict(Household.query(on: database), to: user.scope)
                .sort(\.$householdNumber).limit(20).all()
                .compactMap(HouseholdRow.init)
        }
        return Model(
            user: user, areaName: lineage.last?.name ?? root.value,
            areaPath: lineage.map(\.name).joined(separator: " / "),
            totals: totals, children: children, households: households
        )
    }
}

extension HomePage.HouseholdRow {
    init?(_ household: Household) {
        guard let id = household.id else { return nil }
        self.init(
            id: id, number: household.householdNumber, headName: household.headName,
            type: HouseholdType(rawValue: household.householdType)?.label ?? household.householdType,
            status: HouseholdMonitoringStatus(rawValue: household.monitoringStatus)?.label ?? household.monitoringStatus,
            memberCount: household.memberCount
        )
    }
}
