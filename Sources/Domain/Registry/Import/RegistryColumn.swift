/// 登记表列: the columns of the registry import and export file. The file has one row per household member, and
/// the household's own fields are repeated on each of its members' rows, so that a county can edit it as one
/// flat sheet. `allCases` is the export order.
public enum RegistryColumn: String, CodeList {
    case householdNumber
    case villageCode
    case groupCode
    case gridCode
    case householdType
    case alleviatedYear
    case phone
    case address
    case bankAccount
    case name
    case idNumber
    case relation
    case ethnicity
    case education
    case schoolStatus
    case health
    case disabilityGrade
    case labourCapacity
    case workPlace
    case workMonths
    case medicalInsurance
    case pensionInsurance
    case minimumLiving
    case extremePoverty
    case publicWelfareJob

    /// The column heading in the file, which is also the label shown in problem lists.
    public var header: String {
        switch self {
        case .householdNumber: "户编号"
        case .villageCode: "村代码"
        case .groupCode: "村民小组代码"
        case .gridCode: "网格代码"
        case .householdType: "户类型"
        case .alleviatedYear: "脱贫年度"
        case .phone: "联系电话"
        case .address: "住址"
        case .bankAccount: "一卡通账号"
        case .name: "姓名"
        case .idNumber: "身份证号"
        case .relation: "与户主关系"
        case .ethnicity: "民族"
        case .education: "文化程度"
        case .schoolStatus: "在校状况"
        case .health: "健康状况"
        case .disabilityGrade: "残疾等级"
        case .labourCapacity: "劳动能力"
        case .workPlace: "务工地点"
        case .workMonths: "务工月数"
        case .medicalInsurance: "参加医保"
        case .pensionInsurance: "参加养老保险"
        case .minimumLiving: "低保"
        case .extremePoverty: "特困"
        case .publicWelfareJob: "公益岗位"
        }
    }

    public var label: String { header }

    /// A required column must be in the header and filled on every row. Columns that are required only in some
    /// cases (脱贫年度 for 脱贫户, 残疾等级 for the disabled, 务工 fields together) are optional here and checked per row.
    public var isRequired: Bool {
        switch self {
        case .householdNumber, .villageCode, .householdType, .address, .name, .idNumber, .relation, .ethnicity,
            .education, .health, .labourCapacity:
            true
        case .groupCode, .gridCode, .alleviatedYear, .phone, .bankAccount, .schoolStatus, .disabilityGrade,
            .workPlace, .workMonths, .medicalInsurance, .pensionInsurance, .minimumLiving, .extremePoverty,
            .publicWelfareJob:
            false
        }
    }

    /// Household fields are repeated on every member row and must agree across a household's rows.
    public var isHouseholdField: Bool {
        switch self {
        case .householdNumber, .villageCode, .groupCode, .gridCode, .householdType, .alleviatedYear, .phone,
            .address, .bankAccount:
            true
        default:
            false
        }
    }

    /// Finds a column by its Chinese heading.
    public init?(header: String) {
        guard let column = Self.byHeader[header] else { return nil }
        self = column
    }

    private static let byHeader: [String: RegistryColumn] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.header, $0) })
}
