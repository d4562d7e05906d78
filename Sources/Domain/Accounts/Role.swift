/// 用户角色: what a user does in the mechanism; each user also has an area and, for departments, a department.
public enum Role: String, CodeList {
    case admin
    case supervisor
    case county
    case town
    case village
    case grid
    case contact
    case department

    public var label: String {
        switch self {
        case .admin: "系统管理员"
        case .supervisor: "市/省督导"
        case .county: "县级农业农村部门"
        case .town: "乡镇审核"
        case .village: "村两委"
        case .grid: "网格员"
        case .contact: "监测联系人/帮扶责任人"
        case .department: "行业部门"
        }
    }

    /// The levels of area a user with this role may be bound to.
    public var requiredAreaLevels: Set<AreaLevel> {
        switch self {
        case .admin: Set(AreaLevel.allCases)
        case .supervisor: [.city, .province]
        case .county: [.county]
        case .town: [.township]
        case .village: [.village]
        case .grid: [.grid]
        case .contact: [.village]
        case .department: [.county, .city, .province]
        }
    }

    /// Whether identity numbers, phones and health data are shown unmasked. Only the roles that visit, verify or
    /// decide on a household need them (PIPL: minimum necessary). Supervisors work from statistics and samples,
    /// grid workers only report risks, and departments send data and receive the confirmed list back; they see
    /// masked values, and any full view they need goes through an audited request.
    public var seesFullPersonalData: Bool {
        switch self {
        case .admin, .county, .town, .village, .contact: true
        case .supervisor, .grid, .department: false
        }
    }

    public var canManageUsers: Bool { may(.manageUsers) }

    /// Villages, groups and grids have no official codes, so the county keeps that part of the tree.
    public var canEditAreasBelowCounty: Bool { may(.editAreasBelowCounty) }

    /// Whether the role may change households and members (the registry), within its own area.
    public var canEditRegistry: Bool { may(.editRegistry) }
}
