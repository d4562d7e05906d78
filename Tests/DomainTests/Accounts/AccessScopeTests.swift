import Domain
import Testing

@Suite("Access scope: a subtree as a range of codes")
struct AccessScopeTests {
    private func scope(_ code: String) throws -> AccessScope { AccessScope(root: try #require(AreaCode(code))) }

    @Test("a county covers exactly the village codes that start with its six digits")
    func countyRange() throws {
        let county = try scope("512002000000")
        #expect(county.householdFilter == .villageCodes(lower: "512002000000", upper: "512002999999"))
        #expect(county.includes(try #require(AreaCode("512002110203"))))
        #expect(!county.includes(try #require(AreaCode("512021110203"))))
        #expect(county.areaCodeRange == ("512002", "512002999999999"))
    }

    @Test("groups and grids are their own scope; a village's scope covers them")
    func subVillage() throws {
        let grid = try scope("512002110201501")
        #expect(grid.householdFilter == .grid("512002110201501"))
        #expect(!grid.includes(try #require(AreaCode("512002110201"))))
        let village = try scope("512002110201")
        #expect(village.includes(try #require(AreaCode("512002110201501"))))
        #expect(village.householdFilter == .villageCodes(lower: "512002110201", upper: "512002110201"))
    }

    @Test("narrowing stays inside and never widens")
    func narrowing() throws {
        let town = try scope("512002110000")
        let inside = try #require(AreaCode("512002110201"))
        let outside = try #require(AreaCode("512002000000"))
        #expect(town.narrowed(to: inside).root == inside)
        #expect(town.narrowed(to: outside) == town)
    }
}

@Suite("Rules for accounts, area names and masks")
struct SmallRulesTests {
    @Test("an account proposal names every bad field")
    func accountProblems() {
        let problems = AccountRules.problems(
            with: .init(
                username: "a b", displayName: " ", password: "short", role: .town, areaLevel: .county,
                department: .health))
        #expect(Set(problems.map(\.field)) == ["username", "display_name", "password", "area_code", "department"])
        let fine = AccountRules.problems(
            with: .init(
                username: "wang.li", displayName: "王丽", password: "long-enough-pass", role: .department,
                areaLevel: .county, department: .health))
        #expect(fine.isEmpty)
        let missing = AccountRules.problems(
            with: .init(
                username: "dept1", displayName: "医保", password: nil, role: .department, areaLevel: .county,
                department: nil))
        #expect(missing.map(\.field) == ["department"])
    }

    @Test("new village, group and grid codes follow the highest one in use")
    func nextChild() throws {
        let town = try #require(AreaCode("512002110000"))
        #expect(AreaCode.nextChild(of: town, level: .village, existing: [])?.value == "512002110200")
        #expect(
            AreaCode.nextChild(of: town, level: .village, existing: ["512002110203", "512002110001"])?.value
                == "512002110204")
        let village = try #require(AreaCode("512002110203"))
        #expect(
            AreaCode.nextChild(of: village, level: .group, existing: ["512002110203001", "512002110203501"])?.value
                == "512002110203002")
        #expect(
            AreaCode.nextChild(of: village, level: .grid, existing: ["512002110203001"])?.value == "512002110203501")
        #expect(AreaCode.nextChild(of: village, level: .grid, existing: ["512002110203999"]) == nil)
        #expect(AreaCode.nextChild(of: town, level: .grid, existing: []) == nil)
    }

    @Test("area names are trimmed and refused with a reason")
    func areaNames() {
        #expect(AreaNaming.normalized("  石岭   村 ") == "石岭 村")
        #expect(AreaNaming.problem(with: "", level: .village)?.contains("不能为空") == true)
        #expect(AreaNaming.problem(with: "a<b", level: .group)?.contains("「<」") == true)
        #expect(AreaNaming.problem(with: "石岭村", level: .village) == nil)
    }

    @Test("masks keep the length and only the agreed characters")
    func masks() {
        #expect(PersonalDataMask.identityNumber("512002197908189832") == "5120**********9832")
        #expect(PersonalDataMask.phone("13875397662") == "138****7662")
        #expect(PersonalDataMask.bankAccount("6217103026368524398") == "***************4398")
        #expect(PersonalDataMask.identityNumber("123") == "***")
    }
}
