/// 登记表导出: writes a member's row in `RegistryColumn.allCases` order, in the form the import reads back, so
/// that a county can export, edit in a spreadsheet and re-import without retyping anything.
public enum RegistryExport {
    public static var header: [String] { RegistryHeader.standardCells }

    public static func cells(household: HouseholdFields, member: MemberRecord) -> [String] {
        RegistryColumn.allCases.map { cell($0, household: household, member: member) }
    }

    /// One cell; code lists as their Chinese labels, yes/no as 是/否, missing values as empty cells.
    public static func cell(_ column: RegistryColumn, household: HouseholdFields, member: MemberRecord) -> String {
        switch column {
        case .householdNumber: household.number
        case .villageCode: household.villageCode.value
        case .groupCode: household.groupCode?.value ?? ""
        case .gridCode: household.gridCode?.value ?? ""
        case .householdType: household.type.label
        case .alleviatedYear: household.alleviatedYear.map(String.init) ?? ""
        case .phone: household.phone ?? ""
        case .address: household.address
        case .bankAccount: household.bankAccount ?? ""
        case .name: member.name
        case .idNumber: member.idNumber
        case .relation: member.relation.label
        case .ethnicity: member.ethnicity
        case .education: member.education.label
        case .schoolStatus: member.schoolStatus?.label ?? ""
        // Code-list order, so the same selection is always written the same way.
        case .health: HealthCondition.allCases.filter(member.health.contains).map(\.label).joined(separator: "、")
        case .disabilityGrade: member.disabilityGrade.map(String.init) ?? ""
        case .labourCapacity: member.labourCapacity.label
        case .workPlace: member.workPlace ?? ""
        case .workMonths: member.workMonths.map(String.init) ?? ""
        case .medicalInsurance: yesNo(member.medicalInsured)
        case .pensionInsurance: yesNo(member.pensionInsured)
        case .minimumLiving: yesNo(member.minimumLiving)
        case .extremePoverty: yesNo(member.extremePoverty)
        case .publicWelfareJob: yesNo(member.publicWelfareJob)
        }
    }

    private static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }
}
