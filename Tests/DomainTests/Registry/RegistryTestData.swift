import Domain

/// Rows for registry import tests: one valid member row that each test changes a few cells of.
enum RegistryTestData {
    static let today = day("2026-06-30")
    static let village = "512002110201"
    static let group = "512002110201001"
    static let grid = "512002110201501"

    /// A valid identity number in county 512002.
    static func id(_ birth: String, _ sequence: Int = 11) -> String {
        guard let number = try? IdentityNumber.make(region: "512002", birth: day(birth), sequence: sequence) else {
            preconditionFailure("bad test identity \(birth) \(sequence)")
        }
        return number.value
    }

    /// A working-age head of a 脱贫户 who works away from home.
    static let base: [RegistryColumn: String] = [
        .householdNumber: "5120021102010001", .villageCode: village, .groupCode: group, .gridCode: grid,
        .householdType: "脱贫户", .alleviatedYear: "2016", .phone: "13812345678",
        .address: "雁江区松涛镇石龙村三组12号", .bankAccount: "6217001234567890123",
        .name: "张建国", .idNumber: id("1970-03-05"), .relation: "户主", .ethnicity: "汉族", .education: "初中",
        .schoolStatus: "", .health: "健康", .disabilityGrade: "", .labourCapacity: "普通劳动力",
        .workPlace: "广东省深圳市", .workMonths: "10", .medicalInsurance: "是", .pensionInsurance: "是",
        .minimumLiving: "否", .extremePoverty: "否",
    ]

    /// A pupil of the same household: fields a child needs to pass on its own.
    static let child: [RegistryColumn: String] = [
        .name: "张小雨", .idNumber: id("2016-09-01", 22), .relation: "之女", .education: "小学", .schoolStatus: "小学",
        .labourCapacity: "无劳动力", .workPlace: "", .workMonths: "", .pensionInsurance: "否",
    ]

    /// Cells in export order, `base` with `changes` applied.
    static func row(_ changes: [RegistryColumn: String] = [:]) -> [String] {
        let values = base.merging(changes) { $1 }
        return RegistryColumn.allCases.map { values[$0] ?? "" }
    }

    static var header: [String] { RegistryExport.header }

    static var parser: RegistryRowParser {
        get throws { RegistryRowParser(header: try RegistryHeader(cells: header), today: today) }
    }

    static func plan(
        _ rows: [[String]], knownVillages: Set<String> = [village], knownSubAreas: Set<String> = [group, grid]
    ) -> RegistryImportPlan {
        RegistryImportPlan.make(
            header: header, rows: rows, today: today,
            isKnownVillage: { knownVillages.contains($0.value) }, isKnownSubArea: { knownSubAreas.contains($0.value) }
        )
    }
}
