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
        let values = formValues(input)
        var problems = try await validate(input, viewer: viewer, isNew: true, on: request)
        let username = values.username
        if problems.isEmpty, try await User.query(on: request.db).filter(\.$username == username).count() > 0 {
            problems.append(.init(field: "username", message: "用户名 \(username) 已被使用。"))
        }
        guard problems.isEmpty else {
            return .html(
                UserForm(viewer: viewer, action: SiteURL.users.path, isNew: true, values: values, problems: problems)
                    .render(), status: .unprocessableEntity)
        }
        let user = User(
            username: username, displayName: values.displayName,
            passwordHash: try await request.password.async.hash(input.password ?? ""),
            role: values.role, areaCode: values.areaCode,
            department: values.department.isEmpty ? nil : values.department,
            phone: values.phone.isEmpty ? nil : values.phone
        )
        try await request.db.transaction { database in
            try await user.create(on: database)
            try await AuditLog.recordChange(
                of: user, before: nil, summary: "新增用户 \(username)", actor: request.auditActor, at: request.now,
                on: database)
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
        var values = formValues(input)
        values.isActive = input.is_active == "on"
        var problems = try await validate(input, viewer: viewer, isNew: false, on: request)
        if user.id == viewer.id, !values.isActive || values.role != viewer.role.rawValue {
            problems.append(.init(field: "role", message: "不能停用自己的账号或修改自己的角色。"))
        }
        guard problems.isEmpty else {
            return .html(
                UserForm(
                    viewer: viewer, action: SiteURL.user(id: try user.requireID()).path, isNew: false, values: values,
                    problems: problems
                ).render(), status: .unprocessableEntity)
        }
        var hashed: String?
        if let password = input.password { hashed = try await request.password.async.hash(password) }
        let newHash = hashed
        let accepted = values
        try await request.db.transaction { database in
            let before = user.auditSnapshot
            user.displayName = accepted.displayName
            user.role = accepted.role
            user.areaCode = accepted.areaCode
            user.department = accepted.department.isEmpty ? nil : accepted.department
            user.phone = accepted.phone.isEmpty ? nil : accepted.phone
            user.isActive = accepted.isActive
            if let newHash { user.passwordHash = newHash }
            try await user.save(on: database)
            if !accepted.isActive || newHash != nil {
                // A deactivated account or a reset password ends every open session and token at once.
                try await AuthToken.query(on: database).filter(\.$user.$id == user.requireID()).delete()
            }
            try await AuditLog.recordChange(
                of: user, before: before,
                summary: "修改用户 \(user.username)"
                    + Self.notes(
                        wasActive: before["is_active"] == "是", isActive: accepted.isActive,
                        passwordReset: newHash != nil),
                actor: request.auditActor, at: request.now, on: database
            )
        }
        return request.redirect(to: SiteURL.users.path)
    }

    /// 解除锁定: ends a lock after repeated failed sign-ins before it runs out, and clears the failure count.
    func unlock(_ request: Request) async throws -> Response {
        _ = try requireAdmin(request)
        let user = try await request.scoped(User.self).find(request.parameters.get("id", as: UUID.self))
        let now = request.now
        if user.isLocked(at: now) || user.failedLogins > 0 {
            try await request.db.transaction { database in
                let before = user.auditSnapshot(at: now)
                user.failedLogins = 0
                user.lockedUntil = nil
                try await user.save(on: database)
                try await AuditLog.record(
                    .update, entityType: User.auditEntityType, entityID: user.auditEntityID,
                    areaCode: user.auditAreaCode,
                    summary: "解除锁定 \(user.displayName)（\(user.username)）", before: before,
                    after: user.auditSnapshot(at: now),
                    actor: request.auditActor, at: now, on: database
                )
            }
        }
        return request.redirect(to: SiteURL.user(id: try user.requireID()).path)
    }

    /// What an update did besides plain edits, for the log's summary: （停用账号）（重置密码）.
    static func notes(wasActive: Bool, isActive: Bool, passwordReset: Bool) -> String {
        var notes: [String] = []
        if wasActive != isActive { notes.append(isActive ? "启用账号" : "停用账号") }
        if passwordReset { notes.append("重置密码") }
        return notes.isEmpty ? "" : "（" + notes.joined(separator: "、") + "）"
    }

    private func requireAdmin(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        try user.require(.manageUsers)
        return user
    }

    private func validate(
        _ input: UserInput, viewer: CurrentUser, isNew: Bool, on request: Request
    ) async throws -> [FieldProblem] {
        let values = formValues(input)
        var level: AreaLevel?
        if let code = AreaCode(values.areaCode), viewer.scope.includes(code),
            let area = try await AreaDirectory.area(code.value, on: request.db)
        {
            level = area.areaLevel
        }
        var problems = AccountRules.problems(
            with: .init(
                username: values.username, displayName: values.displayName,
                password: isNew ? (input.password ?? "") : input.password,
                role: Role(rawValue: values.role), areaLevel: level,
                department: values.department.isEmpty ? nil : Department(rawValue: values.department)
            ))
        if !values.department.isEmpty, Department(rawValue: values.department) == nil {
            problems.append(.init(field: "department", message: "部门 \(values.department) 不在代码表中。"))
        }
        if !values.phone.isEmpty, !(values.phone.count == 11 && values.phone.allSatisfy(\.isASCIIDigit)) {
            problems.append(.init(field: "phone", message: "手机号应为 11 位数字。"))
        }
        return problems
    }

    private func formValues(_ input: UserInput) -> UserForm.Values {
        UserForm.Values(
            username: (input.username ?? "").trimmingCharacters(in: .whitespaces),
            displayName: (input.display_name ?? "").trimmingCharacters(in: .whitespaces),
            role: input.role ?? "", areaCode: (input.area_code ?? "").trimmingCharacters(in: .whitespaces),
            department: input.department ?? "", phone: (input.phone ?? "").trimmingCharacters(in: .whitespaces),
            isActive: true
        )
    }

    private func formValues(_ user: User) -> UserForm.Values {
        UserForm.Values(
            username: user.username, displayName: user.displayName, role: user.role, areaCode: user.areaCode,
            department: user.department ?? "", phone: user.phone ?? "", isActive: user.isActive
        )
    }
}
