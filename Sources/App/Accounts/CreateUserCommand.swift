import Domain
import Fluent
import Vapor

/// `shouwang create-user --username NAME --role admin --area CODE`: creates an account from the command line,
/// which is how the first administrator of a new deployment comes to exist. The password is read from
/// `SHOUWANG_NEW_PASSWORD` or asked for, never taken as an argument (arguments show in process lists).
struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "name", help: "display name") var name: String?
        @Option(name: "role", help: Role.allCases.map(\.rawValue).joined(separator: ", ")) var role: String?
        @Option(name: "area", help: "area code the user is bound to") var area: String?
        @Option(name: "department", help: "department code, for department users") var department: String?
    }

    var help: String { "Creates a user account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let database = context.application.db
        let password = Environment.get("SHOUWANG_NEW_PASSWORD") ?? context.console.ask("Password: ", isSecure: true)
        let code = signature.area.flatMap(AreaCode.init)
        var level: AreaLevel?
        if let code, let area = try await AreaDirectory.area(code.value, on: database) { level = area.areaLevel }
        let username = signature.username ?? ""
        var problems = AccountRules.problems(
            with: .init(
                username: username, displayName: signature.name ?? username, password: password,
                role: signature.role.flatMap(Role.init(rawValue:)), areaLevel: level,
                department: signature.department.flatMap(Department.init(rawValue:))
            ))
        if try await User.query(on: database).filter(\.$username == username).count() > 0 {
            problems.append(.init(field: "username", message: "用户名 \(username) 已被使用。"))
        }
        guard problems.isEmpty, let code, let role = signature.role else {
            for problem in problems { context.console.error("\(problem.field): \(problem.message)") }
            throw Abort(.badRequest, reason: "user not created")
        }
        let user = User(
            username: username, displayName: signature.name ?? username,
            passwordHash: try context.application.password.hash(password),
            role: role, areaCode: code.value, department: signature.department)
        try await database.transaction { database in
            try await user.create(on: database)
            try await AuditLog.recordChange(
                of: user, before: nil, summary: "命令行创建用户 \(username)", actor: .system, at: Date(), on: database)
        }
        context.console.print("Created \(username) (\(Role(rawValue: role)?.label ?? role)) at \(code.value).")
    }
}
