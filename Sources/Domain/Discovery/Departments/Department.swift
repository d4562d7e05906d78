/// 行业部门: the sector departments that push risk data in and carry out their measures.
public enum Department: String, CodeList {
    case medicalInsurance
    case health
    case civilAffairs
    case education
    case housing
    case waterResources
    case emergency
    case disabledFederation
    case humanResources
    case publicSecurity
    case realEstate
    case marketRegulation
    case finance
    case agriculture

    public var label: String {
        switch self {
        case .medicalInsurance: "医保局"
        case .health: "卫健局"
        case .civilAffairs: "民政局"
        case .education: "教育局"
        case .housing: "住建局"
        case .waterResources: "水利局"
        case .emergency: "应急管理局"
        case .disabledFederation: "残联"
        case .humanResources: "人社局"
        case .publicSecurity: "公安局"
        case .realEstate: "不动产登记中心"
        case .marketRegulation: "市场监管局"
        case .finance: "财政局"
        case .agriculture: "农业农村局"
        }
    }
}
