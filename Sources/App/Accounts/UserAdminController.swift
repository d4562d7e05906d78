import Domain
import Fluent
import Vapor

/// 用户管理: administrators create and change accounts inside their own area only.
struct UserAdminController {
    struct UserInput: Content {
        var username: String?
        var display_name: String?
        var role: String?
        var area_code: String?
        var department: String?
        var phone: String?
        var password: String?
        var is_active: String?
    }

    func index(_ request: Request) async throws -> Response {
        let viewer = try requireAdmin(request)
        let users = try await request.scoped(User.self).query().sort(\.$areaCode).sort(\.$username).all()
        let names = try await AreaDirectory.names(of: Array(Set(users.map(\.areaCode))), on: request.db)
        let rows = users.map {
            UserListPage.Row(
                user: $0, areaName: names[$0.areaCode] ?? $0.areaCode, locked: $0.isLocked(at: request.now))
        }
        return .html(UserListPage.render(viewer: viewer, rows: rows))
    }

    func new(_ request: Request) async throws -> Response {
        let viewer = try requireAdmin(request)
        return .html(UserForm(viewer: viewer, action: SiteURL.users.path, isNew: true).render())
    }

    func create(_ request: Request) async throws -> Response {
        let viewer = try requireAdmin(request)
        let input = try request.content.decode(UserInput.self)
        let fields = accountFields(input)
        do {
            try await UserAdminService.create(
                fields, by: viewer, actor: request.auditActor, at: request.now, hasher: request.password.async,
                on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                UserForm(
                    viewer: viewer, action: SiteURL.users.path, isNew: true, values: formValues(fields),
                    problems: failure.problems
                ).render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.users.path)
    }

    func edit(_ request: Request) async throws -> Response {
        let viewer = try requireAdmin(request)
        let user = try await request.scoped(User.self).find(request.parameters.get("id", as: UUID.self))
        let history = try await AuditRow.history(
            entityType: User.auditEntityType, entityID: user.auditEntityID, on: request.db)
        var form = UserForm(
            viewer: viewer, action: SiteURL.user(id: try user.requireID()).path, isNew: false, values: formValues(user),
            history: history)
        form.lockedUntil = user.isLocked(at: request.now) ? user.lockedUntil : nil
        form.failedLogins = user.failedLogins
        return .html(form.render())
    }

    func update(_ request: Request) async throws -> Response {
        let viewer = try requireAdmin(request)
        let user = try await request.scoped(User.self).find(request.parameters.get("id", as: UUID.self))
        var input = try request.content.decode(UserInput.self)
        input.username = user.username
        if input.password?.isEmpty == true { input.password = nil }
        var fields = accountFields(input)
        fields.isActive = input.is_active == "on"
        do {
            try await UserAdminService.update(
                user, with: fields, by: viewer, actor: request.auditActor, at: request.now,
                hasher: request.password.async, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                UserForm(
                    viewer: viewer, action: SiteURL.user(id: try user.requireID()).path, isNew: false,
                    values: formValues(fields), problems: failure.problems
                ).render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.users.path)
    }

    /// 解除锁定: ends a lock after repeated failed sign-ins before it runs out, and clears the failure count.
    func unlock(_ request: Request) async throws -> Response {
        _ = try requireAdmin(request)
        let user = try await request.scoped(User.self).find(request.parameters.get("id", as: UUID.self))
        try await UserAdminService.unlock(user, actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: SiteURL.user(id: try user.requireID()).path)
    }

    private func requireAdmin(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser(holding: .manageUsers)
        return user
    }

    private func accountFields(_ input: UserInput) -> UserAdminService.AccountFields {
        UserAdminService.AccountFields(
            username: (input.username ?? "").trimmingCharacters(in: .whitespaces),
            displayName: (input.display_name ?? "").trimmingCharacters(in: .whitespaces),
            role: input.role ?? "", areaCode: (input.area_code ?? "").trimmingCharacters(in: .whitespaces),
            department: input.department ?? "", phone: (input.phone ?? "").trimmingCharacters(in: .whitespaces),
            password: input.password, isActive: true
        )
    }

    private func formValues(_ fields: UserAdminService.AccountFields) -> UserForm.Values {
        UserForm.Values(
            username: fields.username, displayName: fields.displayName, role: fields.role, areaCode: fields.areaCode,
            department: fields.department, phone: fields.phone, isActive: fields.isActive
        )
    }

    private func formValues(_ user: User) -> UserForm.Values {
        UserForm.Values(
            username: user.username, displayName: user.displayName, role: user.role, areaCode: user.areaCode,
            department: user.department ?? "", phone: user.phone ?? "", isActive: user.isActive
        )
    }
}
