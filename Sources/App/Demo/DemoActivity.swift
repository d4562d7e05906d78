import Domain
import Fluent
import Foundation

/// The demo's recent work: the monitoring contact answers for the monitored households of the village, and the grid
/// worker has visited the monitored households of the grid in the last months, one visit reporting a new risk.
enum DemoActivity {
    static func create(asOf: CivilDate, on database: any Database) async throws {
        guard let contact = try await User.query(on: database).filter(\.$username == "contact").first(),
            let grid = try await User.query(on: database).filter(\.$username == "grid").first(),
            let contactID = contact.id, let gridID = grid.id
        else { return }
        let monitored = try await Household.query(on: database).filter(\.$villageCode == contact.areaCode)
            .filter(
                \.$monitoringStatus ~~ [
                    HouseholdMonitoringStatus.monitored.rawValue,
                    HouseholdMonitoringStatus.eliminatedObserving.rawValue,
                ]
            )
            .all()
        let now = Date()
        let assignments: [[any Encodable & Sendable]] = monitored.compactMap { household in
            household.id.map { [UUID(), $0, contactID, asOf.adding(days: -90).description, String?.none, now] }
        }
        let inGrid = try await Household.query(on: database).filter(\.$gridCode == grid.areaCode).sort(
            \.$householdNumber
        ).all()
        var visits: [[any Encodable & Sendable]] = []
        for (index, household) in inGrid.enumerated() {
            guard let id = household.id else { continue }
            let monitoredHere = household.monitoringStatus == HouseholdMonitoringStatus.monitored.rawValue
            for month in 0..<(monitoredHere ? 3 : 1) {
                let day = asOf.adding(days: -(month * 30 + index % 20))
                let reportsRisk = index == 2 && month == 0
                visits.append([
                    UUID(), id, gridID, grid.displayName, Role.grid.rawValue, day.description,
                    reportsRisk ? "户主三月前务工受伤，现在家休养，家庭收入明显减少。" : (monitoredHere ? "帮扶措施落实中，家中生活正常。" : "家中生活正常，无新增困难。"),
                    reportsRisk ? RiskType.accident.rawValue : "", reportsRisk ? "户主务工受伤，预计半年不能外出务工。" : "", now,
                ])
            }
        }
        let (a, v) = (assignments, visits)
        try await database.transaction { database in
            try await BulkInsert.insert(
                into: ContactAssignment.schema,
                columns: ["id", "household_id", "user_id", "assigned_on", "ended_on", "created_at"], rows: a,
                on: database)
            try await BulkInsert.insert(
                into: Visit.schema,
                columns: [
                    "id", "household_id", "visitor_id", "visitor_name", "visitor_role", "visited_on", "findings",
                    "risks", "risk_note", "created_at",
                ], rows: v, on: database)
        }
    }
}
