import Domain
import Fluent
import Vapor

/// 用户管理: an administrator creates, changes and unlocks accounts inside their own area only; each change is checked
/// (`AccountRules`), saved and audited in one transaction. The web form calls these; a refusal is a
/// `ValidationFailure` naming each field.
enum UserAdminService {
    /// An account's fields as submitted, trimmed. `password` is nil on an update that keeps the password.
    struct AccountFields: Sendable {
        var username: String
        var displayName: String
        var role: String
        var areaCode: String
        var department: String
        var phone: String
        var password: String?
        var isActive: Bool
    }

    /// Creates the account, or throws `ValidationFailure` with every problem (the username taken among them).
    @discardableResult
    static func create(
        _ fields: AccountFields, by viewer: CurrentUser, actor: AuditLog.Actor, at now: Date,
        hasher: AsyncPasswordHasher, on database: any Database
    ) async throws -> User {
        var problems = try await problems(with: fields, viewer: viewer, isNew: true, on: database)
        let username = fields.username
        if problems.isEmpty, try await User.query(on: database).filter(\.$username == username).count() > 0 {
            problems.append(.init(field: "username", message: "用户名 \(username) 已被使用。"))
        }
        guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
        let user = User(
            username: username, displayName: fields.displayName,
            passwordHash: try await hasher.hash(fields.password ?? ""),
            role: fields.role, areaCode: fields.areaCode,
            department: fields.department.isEmpty ? nil : fields.department,
            phone: fields.phone.isEmpty ? nil : fields.phone
        )
        try await database.transaction { database in
            try await user.create(on: database)
            try await AuditLog.recordChange(
                of: user, before: nil, summary: "新增用户 \(username)", actor: actor, at: now, on: database)
        }
        return user
    }

    /// Changes the account (its username stays), or throws `ValidationFailure`. Administrators may not deactivate
    /// themselves or change their own role.
    static func update(
        _ user: User, with fields: AccountFields, by viewer: CurrentUser, actor: AuditLog.Actor, at now: Date,
        hasher: AsyncPasswordHasher, on database: any Database
    ) async throws {
        var problems = try await problems(with: fields, viewer: viewer, isNew: false, on: database)
        if user.id == viewer.id, !fields.isActive || fields.role != viewer.role.rawValue {
            problems.append(.init(field: "role", message: "不能停用自己的账号或修改自己的角色。"))
        }
        guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
        var hashed: String?
        if let password = fields.password { hashed = try await hasher.hash(password) }
        let newHash = hashed
        let accepted = fields
        try await database.transaction { database in
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
                actor: actor, at: now, on: database
            )
        }
    }

    /// 解除锁定: ends a lock after repeated failed sign-ins before it runs out, and clears the failure count. An
    /// account neither locked nor with failures is left as it is.
    static func unlock(_ user: User, actor: AuditLog.Actor, at now: Date, on database: any Database) async throws {
        guard user.isLocked(at: now) || user.failedLogins > 0 else { return }
        try await database.transaction { database in
            let before = user.auditSnapshot(at: now)
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: database)
            try await AuditLog.record(
                .update, entityType: User.auditEntityType, entityID: user.auditEntityID,
                areaCode: user.auditAreaCode,
                summary: "解除锁定 \(user.displayName)（\(user.username)）", before: before,
                after: user.auditSnapshot(at: now),
                actor: actor, at: now, on: database
            )
        }
    }

    /// What an update did besides plain edits, for the log's summary: （停用账号）（重置密码）.
    static func notes(wasActive: Bool, isActive: Bool, passwordReset: Bool) -> String {
        var notes: [String] = []
        if wasActive != isActive { notes.append(isActive ? "启用账号" : "停用账号") }
        if passwordReset { notes.append("重置密码") }
        return notes.isEmpty ? "" : "（" + notes.joined(separator: "、") + "）"
    }

    /// The account rules' problems with the fields, the area judged only when it lies inside the viewer's scope.
    private static func problems(
        with fields: AccountFields, viewer: CurrentUser, isNew: Bool, on database: any Database
    ) async throws -> [FieldProblem] {
        var level: AreaLevel?
        if let code = AreaCode(fields.areaCode), viewer.scope.includes(code),
            let area = try await AreaDirectory.area(code.value, on: database)
        {
            level = area.areaLevel
        }
        var problems = AccountRules.problems(
            with: .init(
                username: fields.username, displayName: fields.displayName,
                password: isNew ? (fields.password ?? "") : fields.password,
                role: Role(rawValue: fields.role), areaLevel: level,
                department: fields.department.isEmpty ? nil : Department(rawValue: fields.department)
            ))
        if !fields.department.isEmpty, Department(rawValue: fields.department) == nil {
            problems.append(.init(field: "department", message: "部门 \(fields.department) 不在代码表中。"))
        }
        if !fields.phone.isEmpty, !(fields.phone.count == 11 && fields.phone.allSatisfy(\.isASCIIDigit)) {
            problems.append(.init(field: "phone", message: "手机号应为 11 位数字。"))
        }
        return problems
    }
}
