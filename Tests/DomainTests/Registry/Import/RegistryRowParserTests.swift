import Testing
import Domain

/// One cell change and what the parser should say about it: nil means the row parses.
struct RegistryCellCase: Sendable, CustomTestStringConvertible {
    let changes: [RegistryColumn: String]
    let column: RegistryColumn?
    let reason: String?

    /// `value` goes into `column`; `also` sets other cells the case needs.
    static func good(
        _ column: RegistryColumn, _ value: String, also: [RegistryColumn: String] = [:]
    ) -> RegistryCellCase {
        RegistryCellCase(changes: also.merging([column: value]) { $1 }, column: nil, reason: nil)
    }

    /// The problem is reported on `column` (by default the changed one) with a reason containing `reason`.
    static func bad(
        _ column: RegistryColumn, _ value: String, _ reason: String, also: [RegistryColumn: String] = [:],
        on reported: RegistryColumn? = nil
    ) -> RegistryCellCase {
        RegistryCellCase(changes: also.merging([column: value]) { $1 }, column: reported ?? column, reason: reason)
    }

    var testDescription: String {
        let cells = changes.map { "\($0.key.header)=\($0.value)" }.sorted().joined(separator: " ")
        return "\(cells) → \(reason ?? "ok")"
    }
}

@Suite("Registry row parser")
struct RegistryRowParserTests {
    static let child = RegistryTestData.child
    static let longText = String(repeating: "村", count: 100)

    static let cases: [RegistryCellCase] = [
        .good(.householdNumber, "123456"),
        .good(.householdNumber, String(repeating: "9", count: 30)),
        .bad(.householdNumber, "", "必填，不能为空"),
        .bad(.householdNumber, "12345", "应为6–30位数字，实际为5位"),
        .bad(.householdNumber, String(repeating: "9", count: 31), "应为6–30位数字，实际为31位"),
        .bad(.householdNumber, "51200211A", "只能包含数字"),
        .bad(.householdNumber, "５１２００２１１", "只能包含数字"),

        .bad(.villageCode, "", "必填"),
        .bad(.villageCode, "51200211020", "区划代码应为12位或15位，实际为11位"),
        .bad(.villageCode, "51200211020A", "区划代码第12位应为数字"),
        .bad(.villageCode, "512002110000", "应为12位村级代码，实际为乡镇级代码", also: [.groupCode: "", .gridCode: ""]),

        .good(.groupCode, ""),
        .bad(.groupCode, "512002110201501", "应为15位村民小组代码（村代码后加001–499），实际为网格级代码"),
        .bad(.groupCode, "512002110202001", "不属于本行村代码 512002110201"),
        .bad(.groupCode, "512002110201000", "组或网格段应为001–499"),
        .good(.gridCode, ""),
        .bad(.gridCode, "512002110201001", "应为15位网格代码"),
        .bad(.gridCode, "512002110299501", "不属于本行村代码 512002110201"),

        .good(.householdType, "povertyAlleviated"),
        .good(.householdType, "一般农户", also: [.alleviatedYear: ""]),
        .good(.householdType, "ordinary", also: [.alleviatedYear: ""]),
        .bad(.householdType, "贫困户", "无法识别，应为：脱贫户、一般农户"),

        .good(.alleviatedYear, "2013"),
        .good(.alleviatedYear, "2020"),
        .bad(.alleviatedYear, "", "户类型为脱贫户，必须填写脱贫年度"),
        .bad(.alleviatedYear, "2012", "应为2013至2020之间的年份"),
        .bad(.alleviatedYear, "2021", "应为2013至2020之间的年份"),
        .bad(.alleviatedYear, "2016年", "应为2013至2020之间的年份"),
        .bad(.alleviatedYear, "2016", "户类型为一般农户，不应填写脱贫年度", also: [.householdType: "一般农户"]),

        .good(.phone, ""),
        .good(.phone, "19912345678"),
        .good(.phone, "0832-1234567"),
        .good(.phone, "08321234567"),
        .good(.phone, "6123456"),
        .bad(.phone, "1381234567", "应为11位手机号"),
        .bad(.phone, "138123456789", "应为11位手机号"),
        .bad(.phone, "138-12345678", "应为11位手机号"),
        .bad(.phone, "0832--123456", "应为11位手机号"),
        .bad(.phone, "0832-123-4567", "应为11位手机号"),
        .bad(.phone, "-08321234567", "应为11位手机号"),
        .bad(.phone, "612345", "应为11位手机号"),
        .bad(.phone, "0832-1234567890", "应为11位手机号"),
        .bad(.phone, "１３８１２３４５６７８", "应为11位手机号"),

        .good(.address, longText),
        .bad(.address, "", "必填"),
        .bad(.address, longText + "号", "不能超过100个字，实际为101个字"),

        .good(.bankAccount, ""),
        .good(.bankAccount, "123456789012"),
        .good(.bankAccount, String(repeating: "6", count: 25)),
        .bad(.bankAccount, "12345678901", "应为12–25位数字，实际为11个字符"),
        .bad(.bankAccount, String(repeating: "6", count: 26), "应为12–25位数字"),
        .bad(.bankAccount, "6217 0012 3456 7890", "应为12–25位数字"),

        .good(.name, "王一"),
        .good(.name, "阿依古丽·买买提"),
        .good(.name, String(repeating: "长", count: 30)),
        .bad(.name, "", "必填"),
        .bad(.name, String(repeating: "长", count: 31), "不能超过30个字，实际为31个字"),
        .bad(.name, "张3", "姓名不能包含数字"),
        .bad(.name, "张３", "姓名不能包含数字"),
        .bad(.name, "张①", "姓名不能包含数字"),
        .bad(.name, "张\u{200B}三", "不可见的控制字符"),
        .bad(.name, "张\u{7}三", "不可见的控制字符"),
        .bad(.name, "·买买提", "间隔号“·”只能用在姓名中间"),

        .bad(.idNumber, "", "必填"),
        .bad(.idNumber, "51200219700305001", "身份证号码应为18位，实际为17位"),
        .bad(.idNumber, "512002197003050010", "校验码应为"),
        .bad(.idNumber, "51200219700230001X", "出生日期 1970-02-30 不存在"),
        .bad(.idNumber, "512099197003050011", "地区码 512099 不存在"),
        .bad(.idNumber, "51200220300101001x", "第18位应为数字或大写X"),

        .good(.relation, "之子"),
        .good(.relation, "spouse"),
        .bad(.relation, "儿子", "无法识别，应为：户主、配偶、之子"),

        .bad(.ethnicity, "", "必填"),
        .good(.ethnicity, "维吾尔族"),
        .bad(.ethnicity, "一二三四五六七八九十族", "不能超过10个字，实际为11个字"),

        .good(.education, "primary"),
        .good(.education, "本科及以上"),
        .bad(.education, "中学", "无法识别，应为：文盲或半文盲、小学"),
        .bad(.education, "", "必填"),

        .good(.schoolStatus, ""),
        .good(.schoolStatus, "大学本科一至五年级", also: [.idNumber: RegistryTestData.id("2005-01-01")]),
        .bad(.schoolStatus, "大学", "无法识别，应为：学前教育、小学"),
        .bad(.schoolStatus, "小学", "与年龄56岁不符（按身份证号计算），“小学”应为5–24岁"),
        .bad(.schoolStatus, "学前教育", "“学前教育”应为2–7岁", also: child),

        .good(.health, "长期慢性病、患有大病"),
        .good(.health, "长期慢性病,残疾", also: [.disabilityGrade: "2"]),
        .good(.health, "chronicIllness；seriousIllness"),
        .good(.health, "患有大病，长期慢性病;残疾", also: [.disabilityGrade: "4"]),
        .bad(.health, "", "必填"),
        .bad(.health, "健康、残疾", "“健康”不能与其他健康状况同时填写", also: [.disabilityGrade: "1"]),
        .bad(.health, "感冒、长期慢性病", "「感冒」不是健康状况，应为：健康、长期慢性病、患有大病、残疾"),

        .bad(.disabilityGrade, "", "健康状况含“残疾”，必须填写残疾等级（1–4）", also: [.health: "残疾"]),
        .bad(.disabilityGrade, "5", "应为1至4之间的数字", also: [.health: "残疾"]),
        .bad(.disabilityGrade, "二级", "应为1至4之间的数字", also: [.health: "残疾"]),
        .bad(.disabilityGrade, "2", "健康状况不含“残疾”，不应填写残疾等级"),

        .good(.labourCapacity, "skilled"),
        .good(.labourCapacity, "弱劳动力或半劳动力"),
        .bad(.labourCapacity, "强劳动力", "无法识别，应为：普通劳动力、技能劳动力"),
        .bad(
            .labourCapacity, "普通劳动力", "未满16周岁（按身份证号计算为14岁）不能为“普通劳动力”",
            also: [.idNumber: RegistryTestData.id("2011-09-01"), .schoolStatus: "", .workPlace: "", .workMonths: ""]),
        .good(.labourCapacity, "普通劳动力", also: [.idNumber: RegistryTestData.id("2010-06-30")]),

        .good(.workPlace, "", also: [.workMonths: ""]),
        .good(.workPlace, "本县", also: [.workMonths: "0"]),
        .bad(.workPlace, String(repeating: "省", count: 51), "不能超过50个字"),
        .bad(.workPlace, "", "已填写务工月数“10”，务工地点也须填写"),
        .bad(.workMonths, "", "已填写务工地点“广东省深圳市”，务工月数也须填写"),
        .bad(.workMonths, "13", "应为0至12之间的整数"),
        .bad(.workMonths, "-1", "应为0至12之间的整数"),

        .good(.medicalInsurance, ""),
        .good(.medicalInsurance, "N"),
        .good(.pensionInsurance, "y"),
        .good(.minimumLiving, "1"),
        .good(.extremePoverty, "TRUE"),
        .bad(.medicalInsurance, "已参加", "应填写“是”或“否”"),
        .bad(.pensionInsurance, "是的", "应填写“是”或“否”"),
        .bad(.minimumLiving, "2", "应填写“是”或“否”"),
        .bad(.extremePoverty, "否否", "应填写“是”或“否”"),
    ]

    @Test("each column accepts good values and names column, value and reason for bad ones", arguments: cases)
    func cell(_ testCase: RegistryCellCase) throws {
        // act
        let outcome = try RegistryTestData.parser.parse(row: 7, cells: RegistryTestData.row(testCase.changes))
        // check
        guard let column = testCase.column, let reason = testCase.reason else {
            if case .invalid(let problems) = outcome { Issue.record("unexpected: \(problems.map(\.message))") }
            return
        }
        guard case .invalid(let problems) = outcome else {
            Issue.record("expected a problem on \(column.header), got \(outcome)")
            return
        }
        let value = RegistryTestData.row(testCase.changes)[RegistryColumn.allCases.firstIndex(of: column) ?? 0]
        #expect(problems.count == 1, "\(problems.map(\.message))")
        let problem = try #require(problems.first)
        #expect(problem.row == 7 && problem.column == column.header && problem.value == value)
        #expect(problem.reason.contains(reason), "\(problem.reason)")
        #expect(problem.message.hasPrefix("第7行「\(column.header)」" + (value.isEmpty ? "：" : "“\(value)”：")))
    }

    @Test("a valid row yields typed fields, with sex and birth date from the identity number")
    func typed() throws {
        // act
        let outcome = try RegistryTestData.parser.parse(
            row: 2,
            cells: RegistryTestData.row([
                .name: " 张建国 ", .health: "长期慢性病、残疾", .disabilityGrade: "3", .phone: "", .minimumLiving: "是",
            ]))
        // check
        guard case .parsed(let household, let member) = outcome else {
            Issue.record("not parsed: \(outcome)")
            return
        }
        #expect(household.number == "5120021102010001" && household.villageCode.value == RegistryTestData.village)
        #expect(household.groupCode?.level == .group && household.gridCode?.level == .grid)
        #expect(household.type == .povertyAlleviated && household.alleviatedYear == 2016)
        #expect(household.phone == nil && household.bankAccount == "6217001234567890123")
        #expect(member.name == "张建国" && member.sex == .male && member.birthDate == day("1970-03-05"))
        #expect(member.age(on: RegistryTestData.today) == 56)
        #expect(member.relation == .head && member.education == .juniorHigh && member.schoolStatus == nil)
        #expect(member.health == [.chronicIllness, .disability] && member.disabilityGrade == 3)
        #expect(member.labourCapacity == .ordinary && member.workPlace == "广东省深圳市" && member.workMonths == 10)
        #expect(member.medicalInsured && member.pensionInsured && member.minimumLiving && !member.extremePoverty)
    }

    @Test("every problem of a row is reported, not just the first")
    func allProblems() throws {
        // act
        let outcome = try RegistryTestData.parser.parse(
            row: 3,
            cells: RegistryTestData.row([
                .householdNumber: "12", .name: "李4", .idNumber: "123", .health: "感冒", .medicalInsurance: "?",
            ]))
        // check
        guard case .invalid(let problems) = outcome else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.map(\.column) == ["户编号", "姓名", "身份证号", "健康状况", "参加医保"])
    }

    @Test("a school-age child without a school status is allowed; a child pupil parses")
    func schoolAgeWithoutStatus() throws {
        let parser = try RegistryTestData.parser
        var changes = RegistryTestData.child
        guard case .parsed = parser.parse(row: 2, cells: RegistryTestData.row(changes)) else {
            Issue.record("a pupil should parse")
            return
        }
        changes[.schoolStatus] = ""
        guard case .parsed = parser.parse(row: 2, cells: RegistryTestData.row(changes)) else {
            Issue.record("a child with no school status should parse")
            return
        }
    }

    @Test("empty and blank rows are skipped; missing trailing cells are empty")
    func emptyRows() throws {
        let parser = try RegistryTestData.parser
        #expect(parser.parse(row: 4, cells: []) == .skipped)
        #expect(parser.parse(row: 4, cells: ["", "  ", "\u{3000}", "\t"]) == .skipped)
        // setup: the row stops before 务工地点, so work and the yes/no columns are empty
        let short = Array(RegistryTestData.row().prefix(18))
        // act
        guard case .parsed(_, let member) = parser.parse(row: 4, cells: short) else {
            Issue.record("a row without its last columns should parse")
            return
        }
        // check
        #expect(member.workPlace == nil && member.workMonths == nil)
        #expect(!member.medicalInsured && !member.pensionInsured)
    }
}
