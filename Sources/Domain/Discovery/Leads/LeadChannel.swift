/// 线索渠道: where a risk lead came from. The channel sets the lead's deadlines (`LeadDeadlinePolicy`) and is kept
/// on the lead so supervision can count each channel's share (POLICY §5).
public enum LeadChannel: String, CodeList {
    case selfReport
    case hotline
    case gridVisit
    case cadreVisit
    case department
    case screening
    /// Deputies to the people's congress, the media and other outside reporters (S4).
    case socialSupervision

    public var label: String {
        switch self {
        case .selfReport: "农户自主申报"
        case .hotline: "热线电话"
        case .gridVisit: "网格员排查"
        case .cadreVisit: "干部走访"
        case .department: "部门推送"
        case .screening: "系统筛查"
        case .socialSupervision: "社会监督（人大代表、媒体等）"
        }
    }
}
