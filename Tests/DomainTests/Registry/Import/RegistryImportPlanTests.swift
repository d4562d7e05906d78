import Testing
import DemoData
import Domain

@Suite("Registry import plan")
struct RegistryImportPlanTests {
    typealias Data = RegistryTestData
    static let spouse: [RegistryColumn: String] = [
        .name: "李秀英", .idNumber: Data.id("1972-08-09", 22), .relation: "配偶", .workPlace: "", .workMonths: "",
    ]
    static let otherHousehold: [RegistryColumn: String] = [
        .householdNumber: "5120021102010002", .address: "石龙村四组3号", .name: "王五", .idNumber: Data.id("1980-01-01", 33),
    ]

    private func problems(_ plan: RegistryImportPlan, row: Int) -> [ImportProblem] {
        plan.problems.filter { $0.row == row }
    }

    @Test("a household's rows become one draft with its members in file order")
    func oneHousehold() {
        // act
        let plan = Data.plan([Data.row(), Data.row(Self.spouse), Data.row(Data.child)])
        // check
        #expect(plan.isValid, "\(plan.problems.map(\.message))")
        #expect(plan.households.count == 1 && plan.rowCount == 3)
        #expect(plan.households.first?.members.map(\.name) == ["张建国", "李秀英", "张小雨"])
        #expect(plan.households.first?.rows == [2, 3, 4])
    }

    @Test("household fields must agree on every row, and the differing column is named")
    func householdFieldsDiffer() {
        // act
        let plan = Data.plan([Data.row(), Data.row(Self.spouse.merging([.address: "石龙村五组"]) { $1 })])
        // check
        let found = problems(plan, row: 3)
        #expect(found.count == 1)
        #expect(found.first?.message == "第3行「住址」“石龙村五组”：同一户编号 5120021102010001 的各行应一致，该户第2行为“雁江区松涛镇石龙村三组12号”")
        #expect(plan.households.isEmpty)
    }

    @Test("an empty household field against a filled one is a difference too; label and raw value agree")
    func emptyAndRawValues() {
        // act
        let plan = Data.plan([
            Data.row(), Data.row(Self.spouse.merging([.phone: "", .householdType: "povertyAlleviated"]) { $1 }),
        ])
        // check
        #expect(problems(plan, row: 3).map(\.column) == ["联系电话"])
        let reversed = Data.plan([Data.row([.phone: ""]), Data.row(Self.spouse)])
        #expect(problems(reversed, row: 3).first?.reason.hasSuffix("该户第2行为空") == true)
    }

    @Test("a household without a head is reported on its first row")
    func noHead() {
        // act
        let plan = Data.plan([Data.row(Self.spouse), Data.row(Data.child)])
        // check
        #expect(plan.problems.map(\.message) == ["第2行「与户主关系」“配偶”：户编号 5120021102010001 没有户主（共2行：第2、3行），每户须有且只有一名户主"])
    }

    @Test("two heads or two spouses are reported on each of their rows")
    func twoHeadsTwoSpouses() {
        // setup
        let secondHead = Data.child.merging([.relation: "户主"]) { $1 }
        let secondSpouse: [RegistryColumn: String] = [
            .name: "周芳", .idNumber: Data.id("1975-02-02", 44), .relation: "spouse",
        ]
        // act
        let plan = Data.plan([Data.row(), Data.row(secondHead), Data.row(Self.spouse), Data.row(secondSpouse)])
        // check
        #expect(plan.problems.map(\.row) == [2, 3, 4, 5])
        #expect(problems(plan, row: 2).first?.reason == "户编号 5120021102010001 有2名户主（第2、3行），每户只能有一名户主")
        #expect(problems(plan, row: 5).first?.reason == "户编号 5120021102010001 有2名配偶（第4、5行），最多只能有一名")
    }

    @Test("the same identity number twice names both rows, across households too")
    func duplicateIdentity() {
        // act
        let plan = Data.plan([
            Data.row(), Data.row(Self.otherHousehold.merging([.idNumber: Data.id("1970-03-05")]) { $1 }),
        ])
        // check
        #expect(
            plan.problems.map(\.message) == [
                "第2行「身份证号」“\(Data.id("1970-03-05"))”：身份证号在文件中重复出现，与第3行相同",
                "第3行「身份证号」“\(Data.id("1970-03-05"))”：身份证号在文件中重复出现，与第2行相同",
            ])
        #expect(plan.households.isEmpty)
    }

    @Test("a number on many rows names at most ten of them")
    func manyDuplicates() {
        // setup: 15 one-person households with the same number
        let rows = (1...15).map { Data.row([.householdNumber: "51200211020100\(10 + $0)"]) }
        // act
        let plan = Data.plan(rows)
        // check
        #expect(plan.problems.count == 15)
        #expect(plan.problems.first?.reason == "身份证号在文件中重复出现，与第3、4、5、6、7、8、9、10、11、12行等14行相同")
    }

    @Test("rows of a household need not be next to each other")
    func scatteredRows() {
        // act
        let plan = Data.plan([Data.row(), Data.row(Self.otherHousehold), [], Data.row(Self.spouse)])
        // check
        #expect(plan.isValid && plan.rowCount == 3)
        #expect(plan.households.map(\.fields.number) == ["5120021102010001", "5120021102010002"])
        #expect(plan.households.first?.rows == [2, 5])
    }

    @Test("an unknown or out-of-scope village is reported per row, asking once per code")
    func unknownVillage() {
        // setup
        var asked = 0
        let other = [RegistryColumn.villageCode: "512002110299", .groupCode: "", .gridCode: ""]
        // act
        let plan = RegistryImportPlan.make(
            header: Data.header, rows: [Data.row(other), Data.row(Self.spouse.merging(other) { $1 })],
            today: Data.today,
            isKnownVillage: { code in
                asked += 1; return code.value == Data.village
            }, isKnownSubArea: { _ in true }
        )
        // check
        #expect(asked == 1)
        #expect(plan.problems.map(\.reason) == Array(repeating: "村代码 512002110299 不存在或不在您的管辖范围内", count: 2))
        #expect(plan.problems.map(\.column) == ["村代码", "村代码"])
    }

    @Test("an unknown group or grid is reported on its column")
    func unknownSubArea() {
        // act
        let plan = Data.plan([Data.row([.groupCode: "512002110201002", .gridCode: "512002110201502"])])
        // check
        #expect(
            plan.problems.map(\.message) == [
                "第2行「村民小组代码」“512002110201002”：村民小组代码 512002110201002 不存在或不在您的管辖范围内",
                "第2行「网格代码」“512002110201502”：网格代码 512002110201502 不存在或不在您的管辖范围内",
            ])
    }

    @Test("problems come sorted by row and clean households are still planned")
    func partial() {
        // act
        let plan = Data.plan([
            Data.row(Self.otherHousehold.merging([.name: "王5"]) { $1 }),
            Data.row(),
            Data.row(
                Self.otherHousehold.merging([.relation: "之子", .idNumber: Data.id("2001-01-01", 55), .health: "感冒"]) {
                    $1
                }),
            Data.row(Self.spouse),
        ])
        // check
        #expect(plan.problems.map(\.row) == [2, 4])
        #expect(!plan.isValid)
        #expect(plan.households.map(\.fields.number) == ["5120021102010001"])
    }

    @Test("ignored columns are passed on as notes")
    func notes() {
        // act
        let plan = RegistryImportPlan.make(
            header: Data.header + ["备注"], rows: [Data.row() + ["外出"]], today: Data.today,
            isKnownVillage: { _ in true }, isKnownSubArea: { _ in true }
        )
        // check
        #expect(plan.isValid && plan.notes == ["第26列（Z）「备注」不是登记表列，已忽略"])
    }

    @Test("a generated 200-row file imports without problems and round-trips through export")
    func generatedFile() {
        // setup
        var generator = RegistryFileGenerator(seed: 42)
        let drafts = generator.households(rows: 200)
        let rows = RegistryFileGenerator.rows(drafts)
        // act
        let plan = Data.plan(rows)
        // check
        #expect(rows.count == 200)
        #expect(plan.problems.isEmpty, "\(plan.problems.prefix(5).map(\.message))")
        #expect(plan.households == drafts)
    }

    @Test("the demo population imports without problems")
    func demoPopulation() throws {
        // setup
        let township = DemoPopulation.Township(code: try #require(AreaCode("512002110000")), name: "松涛镇")
        let population = DemoPopulation(seed: 3, townships: [township], householdCount: 300, asOf: Data.today)
        var issued = IssuedIdentityNumbers()
        let counts = population.householdsPerVillage()
        let households = population.villages.indices.flatMap {
            population.households(ofVillageAt: $0, count: counts[$0], issued: &issued)
        }
        let rows = households.flatMap { household in
            household.members.map { RegistryExport.cells(household: Self.fields(household), member: Self.record($0)) }
        }
        // act
        let plan = RegistryImportPlan.make(
            header: Data.header, rows: rows, today: Data.today, isKnownVillage: { _ in true },
            isKnownSubArea: { _ in true }
        )
        // check
        #expect(plan.problems.isEmpty, "\(plan.problems.prefix(5).map(\.message))")
        #expect(plan.households.count == households.count)
    }

    @Test("a file of thousands of rows is planned whole, every household kept")
    func large() {
        // setup
        var generator = RegistryFileGenerator(seed: 9)
        let rows = RegistryFileGenerator.rows(generator.households(rows: 6_000))
        // act
        let plan = Data.plan(rows)
        // check: speed is measured in docs/benchmarks.md, not here
        #expect(plan.isValid && plan.rowCount == 6_000)
        #expect(plan.households.reduce(0) { $0 + $1.members.count } == 6_000)
    }

    private static func fields(_ household: DemoHousehold) -> HouseholdFields {
        HouseholdFields(
            number: household.number, villageCode: household.villageCode, groupCode: household.groupCode,
            gridCode: household.gridCode, type: household.type, alleviatedYear: household.alleviatedYear,
            phone: household.phone, address: household.address, bankAccount: household.bankAccount
        )
    }

    private static func record(_ member: DemoMember) -> MemberRecord {
        MemberRecord(
            name: member.name, identity: member.identityNumber, relation: member.relation, ethnicity: "汉族",
            education: member.education, schoolStatus: member.schoolStatus, health: Set(member.health),
            disabilityGrade: member.disabilityGrade, labourCapacity: member.labour, workPlace: member.workPlace,
            workMonths: member.workMonths, medicalInsured: member.medicalInsured, pensionInsured: member.pensionInsured,
            minimumLiving: member.minimumLiving, extremePoverty: member.extremePoverty
        )
    }
}
