import Domain
import Fluent
import Vapor

extension AreaPage {
    /// One area as its viewer may see it: where it sits, its totals, its children and its recent history.
    struct Model {
        struct Crumb {
            let code: String
            let name: String
            let linked: Bool
        }

        let user: CurrentUser
        let area: Area
        let level: AreaLevel
        let crumbs: [Crumb]
        let totals: HouseholdCounts
        let children: [HomePage.Model.ChildRow]
        let canAddChildren: [AreaLevel]
        let canEdit: Bool
        let history: [AuditRow]
    }

    static func query(code: String, for user: CurrentUser, on database: any Database) async throws -> Model {
        guard let areaCode = AreaCode(code), user.scope.includes(areaCode),
            let area = try await AreaDirectory.area(code, on: database),
            let level = area.areaLevel
        else { throw AppError.areaNotFound }
        let lineage = try await AreaDirectory.lineage(of: code, on: database)
        let crumbs = lineage.map { ancestor in
            Model.Crumb(
                code: ancestor.code, name: ancestor.name,
                linked: AreaCode(ancestor.code).map(user.scope.includes) ?? false)
        }
        let counts = try await AreaDirectory.counts(of: areaCode, level: level, scope: user.scope, on: database)
        let children = try await AreaDirectory.children(of: code, on: database).compactMap {
            child -> HomePage.Model.ChildRow? in
            guard let childLevel = AreaLevel(rawValue: child.level) else { return nil }
            return .init(
                code: child.code, name: child.name, level: childLevel,
                counts: counts.children[child.code] ?? HouseholdCounts())
        }
        let editable = user.role.canEditAreasBelowCounty
        return Model(
            user: user, area: area, level: level, crumbs: crumbs,
            totals: counts.totals,
            children: children,
            canAddChildren: editable ? AreaLevel.localChildLevels(of: level) : [],
            canEdit: editable && area.codeSystem == Area.localCodeSystem,
            history: try await AuditRow.history(entityType: Area.auditEntityType, entityID: code, on: database)
        )
    }
}
