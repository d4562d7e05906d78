/// 部门数据类别: the kinds of record a sector department pushes in. Most raise screening rules; the comparison sets
/// (比对数据) are only checked during identification, where a hit (a house, a car, a public salary, a business)
/// blocks inclusion unless a reason is filed (SPEC step 4, POLICY §14).
public enum DepartmentEventKind: String, CodeList {
    /// Hospital or outpatient self-paid costs after insurance; carries the amount.
    case medicalSelfPay
    case seriousIllness
    case minimumLiving
    case extremePoverty
    /// Carries the amount paid.
    case temporaryAssistance
    /// Carries the disability grade, 1 (most severe) to 4.
    case disability
    /// Carries the school stage, a `SchoolStatus` raw value.
    case enrolment
    /// Carries the dwelling's safety grade, A to D.
    case housingRating
    /// Carries the loss.
    case disasterDamage
    case unemployment
    case waterUnsafe
    case propertyRecord
    case vehicle
    case publicPayroll
    case businessRegistration

    public var label: String {
        switch self {
        case .medicalSelfPay: "医疗费用自付（住院/门诊）"
        case .seriousIllness: "新确诊大病"
        case .minimumLiving: "新纳入低保"
        case .extremePoverty: "新纳入特困"
        case .temporaryAssistance: "临时救助"
        case .disability: "残疾证办理"
        case .enrolment: "在读学生"
        case .housingRating: "住房安全等级鉴定"
        case .disasterDamage: "受灾损失"
        case .unemployment: "失业/务工中断"
        case .waterUnsafe: "饮水不安全"
        case .propertyRecord: "不动产登记"
        case .vehicle: "车辆登记"
        case .publicPayroll: "财政供养人员"
        case .businessRegistration: "工商登记"
        }
    }

    /// The department that supplies the records (POLICY §6, §14).
    public var department: Department {
        switch self {
        case .medicalSelfPay: .medicalInsurance
        case .seriousIllness: .health
        case .minimumLiving, .extremePoverty, .temporaryAssistance: .civilAffairs
        case .disability: .disabledFederation
        case .enrolment: .education
        case .housingRating: .housing
        case .disasterDamage: .emergency
        case .unemployment: .humanResources
        case .waterUnsafe: .waterResources
        case .propertyRecord: .realEstate
        case .vehicle: .publicSecurity
        case .publicPayroll: .finance
        case .businessRegistration: .marketRegulation
        }
    }

    /// Comparison sets used in identification, never in screening.
    public var isComparison: Bool {
        switch self {
        case .propertyRecord, .vehicle, .publicPayroll, .businessRegistration: true
        default: false
        }
    }

    /// The typed fields this kind carries beyond identity, name and date; each is a required column of its file.
    public var typedFields: [DepartmentEventColumn] {
        switch self {
        case .medicalSelfPay, .temporaryAssistance, .disasterDamage: [.amount]
        case .disability, .housingRating: [.grade]
        case .enrolment: [.level]
        default: []
        }
    }

    /// Every column a file of this kind may have, in template order.
    public var columns: [DepartmentEventColumn] {
        [.idNumber, .name, .date] + typedFields + [.note]
    }
}
