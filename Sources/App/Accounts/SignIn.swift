import Fluent
import Vapor

/// Checks a username and password, with a lock after repeated failures; shared by the login page and the API.
enum SignIn {
    enum Failure: Error, Equatable {
        case wrongCredentials
        case locked(minutes: Int)
        /// Too many failed sign-ins from one address, whatever the accounts: it waits, and no account is counted.
        case throttled(minutes: Int)
    }

    static let maxFailures = 5
    static let lockDuration: TimeInterval = 15 * 60

    static func verify(username: String, password: String, on request: Request) async throws -> Result<User, Failure> {
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        if let wait = request.application.loginThrottle.wait(for: address, at: request.now) {
            try await auditFailure(
                username: username.trimmingCharacters(in: .whitespaces), userID: nil, why: "本地址失败过多，暂缓", on: request)
            return .failure(.throttled(minutes: max(1, Int((wait / 60).rounded(.up)))))
        }
        let result = try await verifyAccount(username: username, password: password, on: request)
        if case .failure(.wrongCredentials) = result {
            request.application.loginThrottle.recordFailure(from: address, at: request.now)
        }
        return result
    }

    private static func verifyAccount(
        username: String, password: String, on request: Request
    ) async throws -> Result<User, Failure> {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !password.isEmpty, password.count <= 200,
            let user = try await User.query(on: request.db).filter(\.$username == name).first(),
            user.isActive
        else {
            try await auditFailure(username: name, userID: nil, on: request)
            return .failure(.wrongCredentials)
        }
        let now = request.now
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            try await auditFailure(username: name, userID: user.id, why: "账号已锁定", on: request)
            return .failure(.locked(minutes: max(1, Int((lockedUntil.timeIntervalSince(now) / 60).rounded(.up)))))
        }
        guard try await request.password.async.verify(password, created: user.passwordHash) else {
            user.failedLogins += 1
            if user.failedLogins >= maxFailures {
                user.lockedUntil = now.addingTimeInterval(lockDuration)
                user.failedLogins = 0
            }
            try await user.save(on: request.db)
            try await auditFailure(username: name, userID: user.id, on: request)
            return .failure(.wrongCredentials)
        }
        if user.failedLogins != 0 || user.lockedUntil != nil {
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: request.db)
        }
        return .success(user)
    }

    /// Opens a web session or an API token for the user and returns the secret to hand out.
    static func issue(
        _ kind: AuthToken.Kind, for user: User, on request: Request
    ) async throws -> (secret: String, token: AuthToken) {
        let secret = TokenDigest.newSecret()
        let settings = request.application.settings
        let lifetime = kind == .webSession ? settings.sessionIdleTimeout : settings.apiTokenLifetime
        let token = AuthToken(
            userID: try user.requireID(), kind: kind, tokenHash: TokenDigest.hash(secret),
            csrfToken: kind == .webSession ? TokenDigest.newSecret() : nil,
            expiresAt: request.now.addingTimeInterval(lifetime)
        )
        try await token.create(on: request.db)
        try await AuditLog.record(
            kind == .webSession ? .login : .issueToken, entityType: "user", entityID: user.id?.uuidString ?? "",
            areaCode: user.areaCode, summary: kind == .webSession ? "登录" : "签发 API 令牌",
            actor: .init(id: user.id, name: user.username), at: request.now, on: request.db
        )
        return (secret, token)
    }

    /// Ends the web session whose secret the browser holds, audited for the user it belonged to.
    static func signOut(
        secret: String, user: CurrentUser?, actor: AuditLog.Actor, at date: Date, on database: any Database
    ) async throws {
        try await AuthToken.query(on: database).filter(\.$tokenHash == TokenDigest.hash(secret)).delete()
        guard let user else { return }
        try await AuditLog.record(
            .logout, entityType: "user", entityID: user.id.uuidString, areaCode: user.areaCode.value,
            summary: "退出登录", actor: actor, at: date, on: database
        )
    }

    static func message(for failure: Failure) -> String {
        switch failure {
        case .wrongCredentials:
            return "用户名或密码错误。同一账号连续输错 \(maxFailures) 次将临时锁定 \(Int(lockDuration / 60)) 分钟；忘记密码请联系系统管理员重置或解锁。"
        case let .throttled(minutes): return "此设备登录失败次数过多，请 \(minutes) 分钟后再试。"
        case let .locked(minutes): return "连续登录失败次数过多，账号已临时锁定，请 \(minutes) 分钟后再试。"
        }
    }

    /// Every refused sign-in is audited, with the address it came from and why it was refused when not the password.
    private static func auditFailure(
        username: String, userID: UUID?, why: String? = nil, on request: Request
    ) async throws {
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        try await AuditLog.record(
            .loginFailed, entityType: "user", entityID: userID?.uuidString ?? "",
            areaCode: nil, summary: "登录失败：\(username.prefix(64))（\(address)\(why.map { "，" + $0 } ?? "")）",
            actor: .init(id: nil, name: String(username.prefix(64))), at: request.now, on: request.db
        )
    }
}
