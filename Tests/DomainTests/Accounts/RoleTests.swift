import Testing
import Domain

@Suite("Roles")
struct RoleTests {
    @Test("each role is bound to the area levels it works at")
    func areaLevels() {
        #expect(Role.supervisor.requiredAreaLevels == [.city, .province])
        #expect(Role.town.requiredAreaLevels == [.township])
        #expect(Role.grid.requiredAreaLevels == [.grid])
        #expect(Role.contact.requiredAreaLevels == [.village])
        #expect(Role.department.requiredAreaLevels == [.county, .city, .province])
        #expect(Role.admin.requiredAreaLevels == Set(AreaLevel.allCases))
    }

    @Test("only roles that visit or decide see personal data in full")
    func personalData() {
        let full = Set(Role.allCases.filter(\.seesFullPersonalData))
        #expect(full == [.admin, .county, .town, .village, .contact])
    }

    @Test("permissions for users, areas and the registry")
    func permissions() {
        #expect(Role.allCases.filter(\.canManageUsers) == [.admin])
        #expect(Set(Role.allCases.filter(\.canEditAreasBelowCounty)) == [.admin, .county])
        #expect(Set(Role.allCases.filter { !$0.canEditRegistry }) == [.supervisor, .department])
    }

    @Test("the whole permission table, role by role (the authorization matrix's app test reads it from here)")
    func permissionTable() {
        let expected: [Role: Set<Permission>] = [
            .admin: Set(Permission.allCases),
            .supervisor: [.readRegistry, .readDataQuality, .readLeads, .readScreening, .readAuditLog],
            .county: Set(Permission.allCases).subtracting([.manageUsers, .administerPolicy]),
            .town: [
                .readRegistry, .editRegistry, .reportRisks, .assignContacts, .importRegistry, .readDataQuality,
                .readLeads, .readAuditLog,
            ],
            .village: [
                .readRegistry, .editRegistry, .reportRisks, .assignContacts, .importRegistry, .readDataQuality,
                .readLeads,
            ],
            .grid: [.readRegistry, .editRegistry, .reportRisks, .readLeads],
            .contact: [.readRegistry, .editRegistry, .reportRisks, .readLeads],
            .department: [.readRegistry, .sendDepartmentData, .readDepartmentData],
        ]
        for role in Role.allCases {
            #expect(Set(Permission.allCases.filter { role.may($0) }) == expected[role], "\(role)")
        }
        #expect(Permission.allCases.allSatisfy { !$0.roles.isEmpty && !$0.refusal.isEmpty })
    }

    @Test("raw values round-trip, as they are what the database stores")
    func rawValues() {
        for role in Role.allCases { #expect(Role(rawValue: role.rawValue) == role) }
        #expect(Role(rawValue: "contact")?.label == "监测联系人/帮扶责任人")
    }
}
