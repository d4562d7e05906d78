import Foundation

/// 账号规则 — what a user account must look like before it is saved.
public enum AccountRules {
    public static let minimumPasswordLength = 10

    /// A proposed account; `password` is nil when an existing account keeps its password.
    public struct Proposal: Sendable {
        public var username: String
        public var displayName: String
        public var password: String?
        public var role: Role?
        public var areaLevel: AreaLevel?
        public var department: Department?

        public init(
            username: String, displayName: String, password: String?, role: Role?, areaLevel: AreaLevel?,
            department: Department?
        ) {
            self.username = username
            self.displayName = displayName
            self.password = password
            self.role = role
            self.areaLevel = areaLevel
            self.department = department
        }
    }

    public static func problems(with proposal: Proposal) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let username = proposal.username
        if !(3...32).contains(username.count)
            || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        {
            problems.append(.init(field: "username", message: "用户名须为 3–32 位英文字母、数字或 . _ -。"))
        }
        let displayName = proposal.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty || displayName.count > 40 {
            problems.append(.init(field: "display_name", message: "姓名不能为空，且不超过 40 个字符。"))
        }
        if let password = proposal.password {
            if password.count < minimumPasswordLength {
                problems.append(.init(field: "password", message: "密码至少 \(minimumPasswordLength) 位。"))
            } else if password.count > 128 {
                problems.append(.init(field: "password", message: "密码不能超过 128 位。"))
            }
        }
        guard let role = proposal.role else {
            problems.append(.init(field: "role", message: "请选择角色。"))
            return problems
        }
        if let level = proposal.areaLevel {
            if !role.requiredAreaLevels.contains(level) {
                let allowed = AreaLevel.allCases.filter(role.requiredAreaLevels.contains).map(\.label).joined(
                    separator: "、")
                problems.append(
                    .init(field: "area_code", message: "\(role.label)只能绑定到\(allowed)级区划，所选区划是\(level.label)。"))
            }
        } else {
            problems.append(.init(field: "area_code", message: "所属区划不存在或不在您的管辖范围内。"))
        }
        if role == .department, proposal.department == nil {
            problems.append(.init(field: "department", message: "行业部门用户须选择所属部门。"))
        }
        if role != .department, proposal.department != nil {
            problems.append(.init(field: "department", message: "只有行业部门用户可以选择部门。"))
        }
        return problems
    }
}
