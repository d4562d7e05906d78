import DemoData
import Domain
import Fluent
import Vapor

/// The demo's sign-in accounts, one per role, each bound to a fitting area of the demo county.
enum DemoAccounts {
    static func create(
        population: DemoPopulation, county: AreaCode, password: String, app: Application
    ) async throws -> [(username: String, role: Role, area: String)] {
        guard
            let village = population.villages.first(where: {
                !$0.grids.isEmpty && (Int($0.township.code.scopePrefix.suffix(3)) ?? 0) >= 100
            }) ?? population.villages.first,
            let grid = village.grids.first,
            let city = county.parent, let province = city.parent
        else { throw Abort(.internalServerError, reason: "demo county has no village with a grid") }
        let plan: [(String, String, Role, AreaCode, Department?)] = [
            ("admin", "系统管理员", .admin, province, nil),
            ("supervisor", "市级督导", .supervisor, city, nil),
            ("county", "县农业农村局", .county, county, nil),
            ("town", "\(village.township.name)审核员", .town, village.township.code, nil),
            ("village", "\(village.name)村两委", .village, village.code, nil),
            ("grid", "\(village.name)网格员", .grid, grid.code, nil),
            ("contact", "\(village.name)监测联系人", .contact, village.code, nil),
            ("dept", "县医疗保障局", .department, county, .medicalInsurance),
        ]
        let hash = try app.password.hash(password)
        try await app.db.transaction { database in
            for (username, name, role, area, department) in plan {
                let user = User(
                    username: username, displayName: name, passwordHash: hash, role: role.rawValue,
                    areaCode: area.value, department: department?.rawValue)
                try await user.create(on: database)
                try await AuditLog.recordChange(
                    of: user, before: nil, summary: "创建演示账号 \(username)", actor: .system, at: Date(), on: database)
            }
        }
        let names = try await AreaDirectory.names(of: plan.map(\.3.value), on: app.db)
        return plan.map { ($0.0, $0.2, names[$0.3.value] ?? $0.3.value) }
    }
}
