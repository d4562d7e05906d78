import Testing
import Domain

@Suite("Registry header")
struct RegistryHeaderTests {
    @Test("the export header maps every column to its own position")
    func standard() throws {
        // act
        let header = try RegistryHeader(cells: RegistryExport.header)
        // check
        #expect(header.positions.count == RegistryColumn.allCases.count)
        for (index, column) in RegistryColumn.allCases.enumerated() {
            #expect(header.positions[column] == index)
        }
        #expect(header.notes.isEmpty)
        #expect(RegistryExport.header.prefix(3) == ["户编号", "村代码", "村民小组代码"])
    }

    @Test("order is free, cells are trimmed, a BOM is dropped and unknown columns become notes")
    func reordered() throws {
        // setup
        let cells = [
            "\u{FEFF}序号", " 身份证号 ", "姓名", "户编号", "村代码", "户类型", "住址", "与户主关系", "民族", "文化程度",
            "健康状况", "劳动能力", "备注", "",
        ]
        // act
        let header = try RegistryHeader(cells: cells)
        // check
        #expect(header.positions[.idNumber] == 1)
        #expect(header.positions[.householdNumber] == 3)
        #expect(header.positions[.phone] == nil)
        #expect(header.notes == ["第1列（A）「序号」不是登记表列，已忽略", "第13列（M）「备注」不是登记表列，已忽略"])
    }

    @Test("a missing required column is named")
    func missing() {
        // setup
        let cells = RegistryExport.header.filter { $0 != "身份证号" }
        // act / check
        #expect(throws: RegistryHeaderError(issues: [.missing(.idNumber)])) { try RegistryHeader(cells: cells) }
        #expect(RegistryHeaderIssue.missing(.idNumber).message == "缺少必填列「身份证号」")
    }

    @Test("a missing optional column is fine")
    func optionalMissing() throws {
        let cells = RegistryExport.header.filter { $0 != "网格代码" && $0 != "特困" }
        #expect(try RegistryHeader(cells: cells).positions.count == RegistryColumn.allCases.count - 2)
    }

    @Test("a duplicated column is refused with both positions, and all issues come at once")
    func duplicated() {
        // setup
        let cells = RegistryExport.header.filter { $0 != "姓名" && $0 != "民族" } + ["住址"]
        // act
        var caught: RegistryHeaderError?
        do { _ = try RegistryHeader(cells: cells) } catch { caught = error }
        // check
        let issues = caught?.issues ?? []
        #expect(issues.contains(.missing(.name)) && issues.contains(.missing(.ethnicity)))
        #expect(issues.contains(.duplicated(.address, positions: [7, 23])))
        #expect(
            RegistryHeaderIssue.duplicated(.address, positions: [7, 22]).message
                == "列「住址」重复出现（第8列（H）、第23列（W）），无法确定使用哪一列")
        #expect(caught?.problems.allSatisfy { $0.row == 1 } == true)
    }

    @Test("column letters run past Z")
    func letters() {
        #expect(RegistryHeader.columnName(0) == "第1列（A）")
        #expect(RegistryHeader.columnName(25) == "第26列（Z）")
        #expect(RegistryHeader.columnName(26) == "第27列（AA）")
        #expect(RegistryHeader.columnName(701) == "第702列（ZZ）")
    }

    @Test("an import with a bad header reports it on row 1 and reads no rows")
    func planWithBadHeader() {
        // act
        let plan = RegistryImportPlan.make(
            header: ["姓名"], rows: [RegistryTestData.row()], today: RegistryTestData.today,
            isKnownVillage: { _ in true }, isKnownSubArea: { _ in true }
        )
        // check
        #expect(!plan.isValid && plan.households.isEmpty && plan.rowCount == 0)
        #expect(plan.problems.contains { $0.message == "第1行「身份证号」：缺少必填列「身份证号」" })
    }

    @Test("required columns are the ones every member row must fill")
    func required() {
        let required = RegistryColumn.allCases.filter(\.isRequired).map(\.header)
        #expect(required == ["户编号", "村代码", "户类型", "住址", "姓名", "身份证号", "与户主关系", "民族", "文化程度", "健康状况", "劳动能力"])
        #expect(RegistryColumn(header: "一卡通账号") == .bankAccount && RegistryColumn(header: "账号") == nil)
    }
}
