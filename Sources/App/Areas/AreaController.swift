import Domain
import Fluent
import Vapor

/// 区划浏览与维护: browsing for everyone, and villages, groups and grids for the county and administrators.
struct AreaController {
    struct AreaFormInput: Content {
        var name: String?
        var level: String?
    }

    func index(_ request: Request) async throws -> Response {
        request.redirect(to: SiteURL.area(code: try request.requireUser().areaCode.value).path)
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let model = try await AreaPage.query(
            code: request.parameters.get("code") ?? "", for: user, on: request.reportDB)
        return .html(AreaPage.render(model))
    }

    func newChild(_ request: Request) async throws -> Response {
        let (user, parent, level) = try await childContext(
            request, levelRaw: try? request.query.get(String.self, at: "level"))
        return .html(
            AreaForm(user: user, contextName: parent.name, level: level, action: childAction(parent), isNew: true)
                .render())
    }

    func createChild(_ request: Request) async throws -> Response {
        let input = try request.content.decode(AreaFormInput.self)
        let (user, parent, level) = try await childContext(request, levelRaw: input.level)
        let name = AreaNaming.normalized(input.name ?? "")
        func refuse(_ message: String) -> Response {
            .html(
                AreaForm(
                    user: user, contextName: parent.name, level: level, action: childAction(parent),
                    name: input.name ?? "", error: message, isNew: true
                ).render(), status: .unprocessableEntity)
        }
        if let problem = AreaNaming.problem(with: name, level: level) { return refuse(problem) }
        let area = try await request.db.transaction { database -> Area? in
            let siblings = try await AreaDirectory.children(of: parent.code, on: database)
            if siblings.contains(where: { $0.name == name && $0.level == level.rawValue }) { return nil }
            guard let parentCode = AreaCode(parent.code),
                let code = AreaCode.nextChild(of: parentCode, level: level, existing: siblings.map(\.code))
            else { throw AppError.areaCodesExhausted(parentName: parent.name, levelLabel: level.label) }
            let area = Area(
                code: code.value, name: name, level: level.rawValue, parentCode: parent.code,
                codeSystem: Area.localCodeSystem)
            try await area.create(on: database)
            try await AuditLog.recordChange(
                of: area, before: nil, summary: "新增\(level.label)「\(name)」", actor: request.auditActor, at: request.now,
                on: database)
            return area
        }
        guard let area else { return refuse("「\(parent.name)」下已有名为「\(name)」的\(level.label)。") }
        return request.redirect(to: SiteURL.area(code: area.code).path)
    }

    func edit(_ request: Request) async throws -> Response {
        let (user, area, level) = try await editableArea(request)
        return .html(
            AreaForm(
                user: user, contextName: area.name, level: level, action: SiteURL.area(code: area.code).path,
                name: area.name, isNew: false
            ).render())
    }

    func update(_ request: Request) async throws -> Response {
        let (user, area, level) = try await editableArea(request)
        let input = try request.content.decode(AreaFormInput.self)
        let name = AreaNaming.normalized(input.name ?? "")
        if let problem = AreaNaming.problem(with: name, level: level) {
            return .html(
                AreaForm(
                    user: user, contextName: area.name, level: level, action: SiteURL.area(code: area.code).path,
                    name: input.name ?? "", error: problem, isNew: false
                ).render(), status: .unprocessableEntity)
        }
        guard name != area.name else { return request.redirect(to: SiteURL.area(code: area.code).path) }
        try await request.db.transaction { database in
            let before = area.auditSnapshot
            area.name = name
            try await area.save(on: database)
            try await AuditLog.recordChange(
                of: area, before: before, summary: "修改名称为「\(name)」", actor: request.auditActor, at: request.now,
                on: database)
        }
        return request.redirect(to: SiteURL.area(code: area.code).path)
    }

    private func childAction(_ parent: Area) -> String { SiteRoute.areaChildren.path(parent.code) }

    /// The parent (inside the user's scope) and the level of the child to add, or 404/403.
    private func childContext(_ request: Request, levelRaw: String?) async throws -> (CurrentUser, Area, AreaLevel) {
        let user = try request.requireUser()
        let parent = try await scopedArea(request, user: user)
        try user.require(.editAreasBelowCounty)
        guard let parentLevel = AreaLevel(rawValue: parent.level),
            let level = levelRaw.flatMap(AreaLevel.init(rawValue:)),
            AreaLevel.localChildLevels(of: parentLevel).contains(level)
        else { throw AppError.levelNotAllowedHere }
        return (user, parent, level)
    }

    private func editableArea(_ request: Request) async throws -> (CurrentUser, Area, AreaLevel) {
        let user = try request.requireUser()
        let area = try await scopedArea(request, user: user)
        try user.require(.editAreasBelowCounty)
        guard area.codeSystem == Area.localCodeSystem, let level = area.areaLevel else {
            throw AppError.officialAreaReadOnly
        }
        return (user, area, level)
    }

    private func scopedArea(_ request: Request, user: CurrentUser) async throws -> Area {
        let raw = request.parameters.get("code") ?? ""
        guard let code = AreaCode(raw), user.scope.includes(code),
            let area = try await AreaDirectory.area(raw, on: request.db)
        else { throw AppError.areaNotFound }
        return area
    }
}
