import Testing
import Domain

@Suite("Department row parser")
struct DiscoveryDepartmentRowParserTests {
    static let today = day("2025-06-30")
    static let patient = RegistryTestData.id("1970-03-05")
    static let pupil = RegistryTestData.id("2005-09-01", 22)

    static func events(
        _ kind: DepartmentEventKind, header: [String], rows: [[String]]
    ) -> Result<[DepartmentEvent], DepartmentImportError> {
        DepartmentRowParser.parse(kind: kind, header: header, rows: rows, today: today)
    }

    @Test("a medical self-pay file with marked headings and any column order parses to typed events")
    func medicalFile() throws {
        // setup
        let header = ["序号", "金额（元）*", "姓名*", "身份证号*", "日期*", "说明"]
        let rows = [
            ["1", "56320.5", "张建国", Self.patient, "2025-03-02", "住院"],
            ["", "", "", "", "", ""],
            ["2", "1200", "张建国", Self.patient, "2025/04/15", ""],
            ["3", "80", "张建国", Self.patient, "20250601", "门诊"],
        ]
        // act
        let events = try Self.events(.medicalSelfPay, header: header, rows: rows).get()
        // check
        #expect(events.count == 3)
        var first = DepartmentEvent(
            kind: .medicalSelfPay, idNumber: Self.patient, memberName: "张建国", eventDate: day("2025-03-02"),
            amount: Money(fen: 5_632_050), note: "住院"
        )
        first.sourceRow = 2
        #expect(events[0] == first)
        // the blank row keeps its number: a report names the row the department sees in its file
        #expect(events.map(\.sourceRow) == [2, 4, 5])
        #expect(events[1].eventDate == day("2025-04-15"))
        #expect(events[2].eventDate == day("2025-06-01"))
    }

    @Test("every problem of every row is listed with its file row, column, value and reason")
    func allProblems() {
        // setup
        let header = ["身份证号", "姓名", "日期", "金额(元)"]
        let rows = [
            ["51200219700305001", "张建国", "2025-07-01", "-5"],
            [Self.patient, "", "1999-12-31", "12,000"],
            [Self.patient, "李四", "2025-02-30", "10"],
        ]
        // act
        let result = Self.events(.medicalSelfPay, header: header, rows: rows)
        // check
        guard case .failure(let error) = result else {
            Issue.record("expected problems")
            return
        }
        let found = error.problems.map { "\($0.row) \($0.column) \($0.value) \($0.reason)" }
        #expect(
            found == [
                "2 身份证号 51200219700305001 身份证号码应为18位，实际为17位",
                "2 日期 2025-07-01 日期晚于今天（2025-06-30）",
                "2 金额（元） -5 金额不能为负数",
                "3 姓名  必填，不能为空",
                "3 日期 1999-12-31 日期早于 2000-01-01，请检查是否填错列",
                "3 金额（元） 12,000 应为金额（元），最多两位小数，不含千位分隔符，例如 12345.60",
                "4 日期 2025-02-30 无法识别的日期，应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD 格式的有效日期",
            ])
    }

    @Test("a missing required column is reported on row 1 and no row is read")
    func missingColumn() {
        let result = Self.events(
            .disability, header: ["身份证号", "姓名", "日期"], rows: [[Self.patient, "张建国", "2025-01-01"]])
        guard case .failure(let error) = result else {
            Issue.record("expected problems")
            return
        }
        #expect(error.problems == [ImportProblem(row: 1, column: "等级", value: "", reason: "缺少必填列「等级」（残疾证办理数据）")])
    }

    @Test("a repeated column is refused")
    func repeatedColumn() {
        let result = Self.events(.seriousIllness, header: ["身份证号", "姓名", "日期", "日期*"], rows: [])
        guard case .failure(let error) = result else {
            Issue.record("expected problems")
            return
        }
        #expect(error.problems.map(\.reason) == ["列重复出现（第3列（C）、第4列（D）），无法确定使用哪一列"])
    }

    @Test(
        "grades and school stages are read in their usual spellings and stored short",
        arguments: [
            (DepartmentEventKind.disability, "2", "2"), (.disability, "一级", "1"), (.disability, "4级", "4"),
            (.housingRating, "D", "D"), (.housingRating, "C级", "C"),
        ])
    func grades(kind: DepartmentEventKind, typed: String, stored: String) throws {
        let events = try Self.events(
            kind, header: ["身份证号", "姓名", "日期", "等级"],
            rows: [
                [Self.patient, "张建国", "2025-01-01", typed]
            ]
        ).get()
        #expect(events.first?.grade == stored)
    }

    @Test(
        "grades outside the scale are refused",
        arguments: [
            (DepartmentEventKind.disability, "5", "残疾等级应为 1 至 4 级"), (.disability, "重度", "残疾等级应为 1 至 4 级"),
            (.housingRating, "E", "住房安全等级应为 A、B、C 或 D"), (.housingRating, "c", "住房安全等级应为 A、B、C 或 D"),
        ])
    func badGrades(kind: DepartmentEventKind, typed: String, reason: String) {
        let result = Self.events(
            kind, header: ["身份证号", "姓名", "日期", "等级"],
            rows: [
                [Self.patient, "张建国", "2025-01-01", typed]
            ])
        guard case .failure(let error) = result else {
            Issue.record("expected problems")
            return
        }
        #expect(error.problems == [ImportProblem(row: 2, column: "等级", value: typed, reason: reason)])
    }

    @Test("an enrolment stage is accepted as its label or its code and stored as the code")
    func enrolment() throws {
        let events = try Self.events(
            .enrolment, header: ["身份证号", "姓名", "日期", "学段"],
            rows: [
                [Self.pupil, "张小雨", "2024-09-01", "大学本科一至五年级"],
                [Self.pupil, "张小雨", "2024-09-01", "higherVocational"],
            ]
        ).get()
        #expect(events.map(\.level) == ["bachelor", "higherVocational"])
        let bad = Self.events(
            .enrolment, header: ["身份证号", "姓名", "日期", "学段"],
            rows: [
                [Self.pupil, "张小雨", "2024-09-01", "大学"]
            ])
        guard case .failure(let error) = bad else {
            Issue.record("expected problems")
            return
        }
        #expect(error.problems.first?.reason.hasPrefix("无法识别的学段") == true)
    }

    @Test("a comparison set needs only identity, name and date, and ignores other columns")
    func comparison() throws {
        #expect(DepartmentEventKind.vehicle.isComparison && !DepartmentEventKind.medicalSelfPay.isComparison)
        #expect(DepartmentRowParser.templateHeader(for: .vehicle) == ["身份证号*", "姓名*", "日期*", "说明"])
        let events = try Self.events(
            .vehicle, header: ["身份证号", "姓名", "日期", "金额（元）"],
            rows: [
                [Self.patient, "张建国", "2023-05-06", "不是数字"]
            ]
        ).get()
        #expect(events.first?.amount == nil && events.first?.kind.department == .publicSecurity)
    }

    @Test("an API push uses the same checks, keyed by heading or field name, rows numbered from 1")
    func apiPush() {
        // setup
        let records: [[String: String]] = [
            ["idNumber": Self.patient, "name": "张建国", "date": "2025-05-01", "amount": "3000"],
            ["身份证号": Self.patient, "姓名": "张建国", "日期": "2025-05-02", "金额（元）": "abc", "extra": "x"],
            ["idNumber": Self.patient, "身份证号": Self.pupil, "name": "张建国", "date": "2025-05-03", "amount": "1"],
        ]
        // act
        let result = DepartmentRowParser.parse(kind: .temporaryAssistance, records: records, today: Self.today)
        // check
        guard case .failure(let error) = result else {
            Issue.record("expected problems")
            return
        }
        #expect(error.problems.map(\.row) == [2, 3])
        #expect(error.problems[0].column == "金额（元）")
        #expect(error.problems[1].reason.hasPrefix("与同一记录中的另一写法"))
    }

    @Test("a clean API push yields events")
    func cleanPush() throws {
        let records: [[String: String]] = [
            ["idNumber": Self.patient, "name": "张建国", "date": "2025-05-01", "amount": "3000", "note": "临时救助"]
        ]
        let events = try DepartmentRowParser.parse(kind: .temporaryAssistance, records: records, today: Self.today)
            .get()
        #expect(events.map(\.amount) == [Money(yuan: 3000)])
    }
}
