/// 线索办理层级: the three levels a lead passes through (S0: 村级核查 → 乡镇复核 → 县级审核).
public enum LeadLevel: String, CodeList, Comparable {
    case village
    case township
    case county

    public var label: String {
        switch self {
        case .village: "村级核实"
        case .township: "乡镇复核"
        case .county: "县级审核"
        }
    }

    /// The level above, which is shown a lead this level let run over time; the county has no one above it
    /// inside the mechanism, so its overdue leads stay on its own list, flagged.
    public var next: LeadLevel {
        switch self {
        case .village: .township
        case .township, .county: .county
        }
    }

    /// Village first, as a lead travels.
    public static func < (lhs: LeadLevel, rhs: LeadLevel) -> Bool {
        let order: [LeadLevel] = [.village, .township, .county]
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
