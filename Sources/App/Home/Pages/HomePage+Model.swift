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
        /// Open leads of the area and how many are overdue; nil for roles that do not work the ledger.
        let leads: (open: Int, overdue: Int)?
    }

    struct HouseholdRow {
        let id: UUID
        let number: String
        let headName: String
        let type: String
        let status: String
        let memberCount: Int
        var lastVisit: String?
    }

    /// The households a field role works through: a grid worker's grid, a contact's assigned households, a village's
    /// monitored households — each with the date of its latest visit, oldest visit first so the overdue come first.
    static func worklist(for user: CurrentUser, on database: any Database) async throws -> [HouseholdRow] {
        var query = Household.restrict(Household.query(on: database), to: user.scope)
        switch user.role {
        case .grid:
            break
        case .contact:
            let assigned = try await ContactAssignment.query(on: database).filter(\.$user.$id == user.id)
                .filter(\.$endedOn == nil).all(\.$household.$id)
            query = query.filter(\.$id ~~ assigned)
        case .village:
            query = query.filter(
                \.$monitoringStatus ~~ [
                    HouseholdMonitoringStatus.monitored.rawValue,
                    HouseholdMonitoringStatus.eliminatedObserving.rawValue,
                ])
        default:
            return []
        }
        var rows = try await query.sort(\.$householdNumber).limit(200).all().compactMap(HouseholdRow.init)
        let visits = try await Visit.query(on: database).filter(\.$household.$id ~~ rows.map(\.id)).all()
        let latest = Dictionary(grouping: visits, by: { $0.$household.id }).mapValues { $0.map(\.visitedOn).max() }
        for index in rows.indices { rows[index].lastVisit = latest[rows[index].id] ?? nil }
        return rows.sorted { ($0.lastVisit ?? "", $0.number) < ($1.lastVisit ?? "", $1.number) }
    }

    static func query(for user: CurrentUser, now: Date, on database: any Database) async throws -> Model {
        let root = user.scope.root
        let lineage = try await AreaDirectory.lineage(of: root.value, on: database)
        let childAreas = try await AreaDirectory.children(of: root.value, on: database)
        let counts = try await AreaDirectory.counts(of: root, level: root.level, scope: user.scope, on: database)
        let children = childAreas.compactMap { area -> Model.ChildRow? in
            guard let level = area.areaLevel else { return nil }
            return .init(
                code: area.code, name: area.name, level: level, counts: counts.children[area.code] ?? HouseholdCounts())
        }
        let households = try await worklist(for: user, on: database)
        var leads: (open: Int, overdue: Int)?
        if user.role.canReadLeads {
            let open = RiskLead.restrict(RiskLead.query(on: database), to: user.scope).filter(
                \.$state ~~ LeadIntake.openStates)
            leads = (try await open.count(), try await open.copy().filter(\.$stepDueAt < now).count())
        }
        return Model(
            user: user, areaName: lineage.last?.name ?? root.value,
            areaPath: lineage.map(\.name).joined(separator: " / "),
            totals: counts.totals, children: children, households: households, leads: leads
        )
    }
}

extension HomePage.HouseholdRow {
    init?(_ household: Household) {
        guard let id = household.id else { return nil }
        self.init(
            id: id, number: household.householdNumber, headName: household.headName,
            type: household.type?.label ?? household.householdType,
            status: household.status?.label ?? household.monitoringStatus,
            memberCount: household.memberCount, lastVisit: nil
        )
    }
}
