/// What a role may do (权限), the one table that the route table, the menu, the pages and the services all read.
/// The area a user may do it in is the other half of every check (`AccessScope`); a permission never widens it.
public enum Permission: String, CaseIterable, Sendable {
    /// Read the households, members and areas of one's own area.
    case readRegistry
    /// Change households and members, record incomes, visits and assessments.
    case editRegistry
    /// Record a visit to a household and report its risks (走访、登记风险线索).
    case reportRisks
    /// Name a household's monitoring contact (安排监测联系人).
    case assignContacts
    /// Load registry files.
    case importRegistry
    /// Review the data-quality findings.
    case readDataQuality
    /// Work the risk-lead ledger: read leads, register and handle them at one's level.
    case readLeads
    /// Send or upload a department's data files.
    case sendDepartmentData
    /// Read the department exchanges (batches, cadences, templates).
    case readDepartmentData
    /// Set how often each department sends its data.
    case setExchangeCadences
    /// Read the screening rules and runs.
    case readScreening
    /// Run a screening, try and adopt rule versions.
    case runScreening
    /// Keep villages, groups and grids below the county (the official codes end at the township).
    case editAreasBelowCounty
    /// Read the audit trail of one's area.
    case readAuditLog
    /// Manage accounts.
    case manageUsers
    /// Keep the policy parameters (monitoring lines, lead deadlines).
    case administerPolicy

    /// The roles that hold this permission.
    public var roles: Set<Role> {
        switch self {
        case .readRegistry: Set(Role.allCases)
        case .editRegistry: [.admin, .county, .town, .village, .grid, .contact]
        case .reportRisks: [.admin, .county, .town, .village, .grid, .contact]
        case .assignContacts: [.admin, .county, .town, .village]
        case .importRegistry: [.admin, .county, .town, .village]
        case .readDataQuality: [.admin, .supervisor, .county, .town, .village]
        case .readLeads: Set(Role.allCases).subtracting([.department])
        case .sendDepartmentData: [.admin, .county, .department]
        case .readDepartmentData: [.admin, .county, .department]
        case .setExchangeCadences: [.admin, .county]
        case .readScreening: [.admin, .county, .supervisor]
        case .runScreening: [.admin, .county]
        case .editAreasBelowCounty: [.admin, .county]
        case .readAuditLog: [.admin, .supervisor, .county, .town]
        case .manageUsers: [.admin]
        case .administerPolicy: [.admin]
        }
    }

    /// The answer to a user whose role lacks the permission.
    public var refusal: String {
        switch self {
        case .readRegistry: "您的角色不能查看农户登记。"
        case .editRegistry: "您的角色不能修改农户登记。"
        case .reportRisks: "您的角色不能登记走访或风险线索。"
        case .assignContacts: "只有村、乡镇、县级用户可以安排监测联系人。"
        case .importRegistry: "您的角色不能导入登记表。"
        case .readDataQuality: "您的角色不能查看数据质量核查。"
        case .readLeads: "行业部门不查看风险线索台账。"
        case .sendDepartmentData: "您不能报送该类数据。"
        case .readDepartmentData: "您的角色不能查看部门数据交换。"
        case .setExchangeCadences: "只有县级部门和管理员可以调整报送频次。"
        case .readScreening: "只有县级部门、督导和管理员可以查看筛查。"
        case .runScreening: "只有县级部门和管理员可以执行筛查或调整规则。"
        case .editAreasBelowCounty: "只有县级部门和管理员可以维护村、组和网格。"
        case .readAuditLog: "您的角色不能查看操作日志。"
        case .manageUsers: "只有系统管理员可以管理用户。"
        case .administerPolicy: "只有系统管理员可以维护政策参数。"
        }
    }
}

extension Role {
    /// Whether this role holds `permission`.
    public func may(_ permission: Permission) -> Bool { permission.roles.contains(self) }
}
