/// 帮扶措施类别: the 14 national categories, each with the code table that lists its measures.
public enum MeasureCategory: String, CodeList {
    case industry
    case employment
    case finance
    case publicWelfareJob
    case health
    case compulsoryEducation
    case otherEducation
    case comprehensiveProtection
    case housing
    case water
    case socialHelp
    case relocation
    case livingConditions
    case infrastructure

    public var label: String {
        switch self {
        case .industry: "产业"
        case .employment: "就业"
        case .finance: "金融"
        case .publicWelfareJob: "公益岗位"
        case .health: "健康"
        case .compulsoryEducation: "义务教育保障"
        case .otherEducation: "其他教育"
        case .comprehensiveProtection: "综合保障"
        case .housing: "住房安全"
        case .water: "饮水安全"
        case .socialHelp: "社会帮扶"
        case .relocation: "搬迁"
        case .livingConditions: "生产生活条件改善"
        case .infrastructure: "基础设施"
        }
    }

    /// Code table of the national system's interface.
    public var codeTable: String {
        switch self {
        case .industry: "100A39"
        case .employment: "100A40"
        case .finance: "100A41"
        case .publicWelfareJob: "100A42"
        case .health: "100A45"
        case .compulsoryEducation: "100A46"
        case .otherEducation: "100A47"
        case .comprehensiveProtection: "100A48"
        case .housing: "100A50"
        case .water: "100A51"
        case .socialHelp: "100A52"
        case .relocation: "100A53"
        case .livingConditions: "100A54"
        case .infrastructure: "100A55"
        }
    }

    /// 开发式帮扶: measures that raise the household's own earning; a labour-capable household needs at least
    /// one (rule 5_12_007), and elimination "by assistance" without one is flagged (1_11_009).
    public var isDevelopmental: Bool {
        switch self {
        case .industry, .employment, .finance, .publicWelfareJob: true
        default: false
        }
    }
}
