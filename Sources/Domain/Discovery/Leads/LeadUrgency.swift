import Foundation

/// 时限状态: how a lead's current step stands against its deadline, shown as green, orange and red.
public enum LeadUrgency: String, CodeList {
    case onTime
    case dueSoon
    case overdue

    public var label: String {
        switch self {
        case .onTime: "正常"
        case .dueSoon: "即将到期"
        case .overdue: "已超期"
        }
    }

    /// Overdue from the due instant on (the period ended at 24:00 of its last day); due soon when strictly less
    /// than `dueSoonFraction` of the step's time is left, or strictly less than `dueSoonHours` hours — that warning
    /// reaching back at most half of the step, so a step of 24 hours is not due soon the moment it starts. The
    /// thresholds are the deployment's, from the `LeadDeadlinePolicy` in force.
    public static func of(
        due: Date, started: Date, now: Date, dueSoonFraction: Double, dueSoonHours: Int
    ) -> LeadUrgency {
        guard now < due else { return .overdue }
        let left = due.timeIntervalSince(now)
        let length = due.timeIntervalSince(started)
        if left < length * dueSoonFraction || left < min(Double(dueSoonHours) * 3600, length / 2) { return .dueSoon }
        return .onTime
    }

    /// The level that must additionally be shown an overdue lead in `state`: village → township, township →
    /// county, and the county's own overdue leads stay on its list, flagged. Nil while the lead is in time (only
    /// the handling level sees it) and for a closed lead, which has nothing left to be late for.
    public static func escalationLevel(for state: LeadState, overdue: Bool) -> LeadLevel? {
        guard overdue, let level = state.level else { return nil }
        return level.next
    }
}
