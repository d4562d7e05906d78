import Domain
import Foundation

extension LeadPages {
    /// One household flagged at risk in a half month: its leads received then.
    struct Flagged {
        let household: Household?
        let leads: [RiskLead]

        var cells: [String] {
            [
                household?.householdNumber ?? "", household?.headName ?? "", leads.first?.villageCode ?? "",
                Self.joined(leads.map { RiskType(rawValue: $0.riskType)?.label ?? $0.riskType }),
                Self.joined(leads.map { LeadChannel(rawValue: $0.channel)?.label ?? $0.channel }), String(leads.count),
                leads.map(\.receivedAt).min().map(DisplayFormat.minute) ?? "",
                Self.joined(leads.map { LeadState(rawValue: $0.state)?.label ?? $0.state }),
            ]
        }

        /// Distinct values in first-seen order, joined with 、.
        static func joined(_ values: [String]) -> String {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }.joined(separator: "、")
        }
    }
}
