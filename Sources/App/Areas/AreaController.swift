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
        let outcome = try await AreaService.createChild(
            named: input.name ?? "", level: level, under: parent, actor: request.auditActor, at: request.now,
            on: request.db)
        switch outcome {
        case let .created(area):
            return request.redirect(to: SiteURL.area(code: area.code).path)
        case let .refused(message):
            return .html(
                AreaForm(
                    user: user, contextName: parent.name, level: level, action: childAction(parent),
                    name: input.name ?? "", error: message, isNew: true
                ).render(), status: .unprocessableEntity)
        }
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
        let outcome = try await AreaService.rename(
            area, to: input.name ?? "", level: level, actor: request.auditActor, at: request.now, on: request.db)
        if case let .refused(problem) = outcome {
            return .html(
                AreaForm(
                    user: user, contextName: area.name, level: level, action: SiteURL.area(code: area.code).path,
                    name: input.name ?? "", error: problem, isNew: false
                ).render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.area(code: area.code).path)
    }

    private func childAction(_ parent: Area) -> String { SiteRoute.areaChildren.path(parent.code) }

    /// The parent (inside the user's scope) and the level of the child to add, or 404/403.
    private func childContext(_ request: Request, levelRaw: String?) async throws -> (CurrentUser, Area, AreaLevel) {
        let user = try request.requireUser()
        let parent = try await AreaService.area(request.parameters.get("code") ?? "", visibleTo: user, on: request.db)
        let level = try AreaService.childLevel(levelRaw, under: parent, for: user)
        return (user, parent, level)
    }

    private func editableArea(_ request: Request) async throws -> (CurrentUser, Area, AreaLevel) {
        let user = try request.requireUser()
        let area = try await AreaService.area(request.parameters.get("code") ?? "", visibleTo: user, on: request.db)
        let level = try AreaService.editableLevel(of: area, for: user)
        return (user, area, level)
    }
}
