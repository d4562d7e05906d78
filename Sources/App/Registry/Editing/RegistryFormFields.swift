import Domain
import Foundation

/// The edit forms' fields, filled from the registry's cells (the same words a file uses).
enum RegistryFormFields {
    static func options<T: CodeList>(_ type: T.Type, empty: String? = nil) -> FormField.Kind {
        .select((empty.map { [("", $0)] } ?? []) + T.allCases.map { ($0.label, $0.label) })
    }

    static func household(_ cells: [RegistryColumn: String], groups: [Area], grids: [Area]) -> [FormField] {
        [
            FormField(
                name: RegistryColumn.householdType.rawValue, label: "户类型", kind: options(HouseholdType.self),
                value: cells[.householdType] ?? "", required: true),
            FormField(
                name: RegistryColumn.alleviatedYear.rawValue, label: "脱贫年度", kind: .number,
                value: cells[.alleviatedYear] ?? "", hint: "脱贫户必填（2013–2020），一般农户留空。"),
            FormField(name: RegistryColumn.phone.rawValue, label: "联系电话", value: cells[.phone] ?? ""),
            FormField(name: RegistryColumn.address.rawValue, label: "住址", value: cells[.address] ?? "", required: true),
            FormField(
                name: RegistryColumn.bankAccount.rawValue, label: "一卡通账号", value: cells[.bankAccount] ?? "",
                hint: "惠农补贴一卡通（社保卡）账号，12–25 位数字。"),
            FormField(
                name: RegistryColumn.groupCode.rawValue, label: "村民小组",
                kind: .select([("", "未分组")] + groups.map { ($0.code, $0.name) }), value: cells[.groupCode] ?? ""),
            FormField(
                name: RegistryColumn.gridCode.rawValue, label: "网格",
                kind: .select([("", "未划入网格")] + grids.map { ($0.code, $0.name) }), value: cells[.gridCode] ?? ""),
        ]
    }

    static func member(_ cells: [RegistryColumn: String]) -> [FormField] {
        let health = Set(
            RegistryCell.listItems(cells[.health] ?? "").compactMap { label in
                HealthCondition.allCases.first { $0.label == label }?.rawValue
            })
        return [
            FormField(name: RegistryColumn.name.rawValue, label: "姓名", value: cells[.name] ?? "", required: true),
            FormField(
                name: RegistryColumn.idNumber.rawValue, label: "身份证号", value: cells[.idNumber] ?? "",
                hint: "18 位，末位校验码为 X 时用大写。性别、出生日期由号码得出。", required: true),
            FormField(
                name: RegistryColumn.relation.rawValue, label: "与户主关系", kind: options(RelationToHead.self),
                value: cells[.relation] ?? "", required: true),
            FormField(
                name: RegistryColumn.ethnicity.rawValue, label: "民族", value: cells[.ethnicity] ?? "汉族", required: true),
            FormField(
                name: RegistryColumn.education.rawValue, label: "文化程度", kind: options(Education.self),
                value: cells[.education] ?? "", required: true),
            FormField(
                name: RegistryColumn.schoolStatus.rawValue, label: "在校状况",
                kind: options(SchoolStatus.self, empty: SchoolStatus.noneLabel), value: cells[.schoolStatus] ?? ""),
            FormField(
                name: RegistryColumn.health.rawValue, label: "健康状况",
                kind: .checkboxes(HealthCondition.allCases.map { ($0.rawValue, $0.label) }), selected: health,
                required: true),
            FormField(
                name: RegistryColumn.disabilityGrade.rawValue, label: "残疾等级",
                kind: .select([("", "无"), ("1", "一级"), ("2", "二级"), ("3", "三级"), ("4", "四级")]),
                value: cells[.disabilityGrade] ?? ""),
            FormField(
                name: RegistryColumn.labourCapacity.rawValue, label: "劳动能力", kind: options(LabourCapacity.self),
                value: cells[.labourCapacity] ?? "", required: true),
            FormField(
                name: RegistryColumn.workPlace.rawValue, label: "务工地点", value: cells[.workPlace] ?? "",
                hint: "与务工月数同时填写或同时留空。"),
            FormField(
                name: RegistryColumn.workMonths.rawValue, label: "务工月数", kind: .number, value: cells[.workMonths] ?? ""),
            FormField(
                name: RegistryColumn.medicalInsurance.rawValue, label: "参加基本医疗保险", kind: .checkbox,
                value: cells[.medicalInsurance] == "是" ? "on" : ""),
            FormField(
                name: RegistryColumn.pensionInsurance.rawValue, label: "参加养老保险", kind: .checkbox,
                value: cells[.pensionInsurance] == "是" ? "on" : ""),
            FormField(
                name: RegistryColumn.minimumLiving.rawValue, label: "低保对象", kind: .checkbox,
                value: cells[.minimumLiving] == "是" ? "on" : ""),
            FormField(
                name: RegistryColumn.extremePoverty.rawValue, label: "特困人员", kind: .checkbox,
                value: cells[.extremePoverty] == "是" ? "on" : ""),
            FormField(
                name: RegistryColumn.publicWelfareJob.rawValue, label: "公益岗位", kind: .checkbox,
                value: cells[.publicWelfareJob] == "是" ? "on" : ""),
        ]
    }

    /// The cells of a household and member, keyed by column, for filling a form.
    static func cells(household: HouseholdFields, member: MemberRecord?) -> [RegistryColumn: String] {
        var result: [RegistryColumn: String] = [:]
        for column in RegistryColumn.allCases {
            if let member {
                result[column] = RegistryExport.cell(column, household: household, member: member)
            } else if column.isHouseholdField,
                let placeholder = RegistryForm.placeholderMember(today: CivilDate(daysSinceEpoch: 0))
            {
                result[column] = RegistryExport.cell(column, household: household, member: placeholder)
            }
        }
        return result
    }
}
