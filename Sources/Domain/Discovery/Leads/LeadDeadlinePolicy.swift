import Foundation

/// 线索办理时限: how long each level may take over a lead, per channel, plus an optional limit on the whole run.
/// The numbers differ by province and year (POLICY §5, §13.1), so a deployment keeps this as data with effective
/// dates (`EffectiveDated<LeadDeadlinePolicy>` in a `PolicyTable`); `seeded` is only the starting configuration.
public struct LeadDeadlinePolicy: Sendable, Hashable, Codable {
    public var channels: [LeadChannel: LeadChannelDeadlines]
    /// A step is due soon when less than this share of its time is left (shown orange).
    public var dueSoonFraction: Double
    /// …or when less than this many hours are left, so a short step still warns a day ahead.
    public var dueSoonHours: Int
    /// 复发静默期: days after a lead is rejected or merged during which the same finding (same rule, same firing
    /// values) is not raised again; nil for never while the values stay the same (`LeadRecurrence`).
    public var quietPeriodDays: Int?

    public init(
        channels: [LeadChannel: LeadChannelDeadlines], dueSoonFraction: Double, dueSoonHours: Int,
        quietPeriodDays: Int? = nil
    ) {
        self.channels = channels
        self.dueSoonFraction = dueSoonFraction
        self.dueSoonHours = dueSoonHours
        self.quietPeriodDays = quietPeriodDays
    }

    /// When the step at `level` must be done: its own share counted from when the level received the lead, but
    /// never later than the channel's total counted from when the lead arrived, so a slow village eats into the
    /// levels after it instead of stretching the run. Nil when the policy has no entry for the channel.
    public func due(
        channel: LeadChannel, level: LeadLevel, stepStarted: Date, received: Date, calendar: WorkingDayCalendar
    ) -> Deadline? {
        guard let deadlines = channels[channel] else { return nil }
        let step = deadlines.step(level).due(from: stepStarted, calendar: calendar)
        guard let total = deadlines.total?.due(from: received, calendar: calendar), total.due < step.due else {
            return step
        }
        return total
    }

    /// When the whole run from village check to county review must be done; nil where the channel sets no total.
    public func totalDue(channel: LeadChannel, received: Date, calendar: WorkingDayCalendar) -> Deadline? {
        channels[channel]?.total?.due(from: received, calendar: calendar)
    }

    /// The urgency of a step with this policy's warning thresholds.
    public func urgency(due: Date, started: Date, now: Date) -> LeadUrgency {
        LeadUrgency.of(
            due: due, started: started, now: now, dueSoonFraction: dueSoonFraction, dueSoonHours: dueSoonHours)
    }
}

/// 分级办理时限: one channel's limits: a share per level and, where the source sets one, a total.
public struct LeadChannelDeadlines: Sendable, Hashable, Codable {
    public var total: DeadlineRule?
    public var village: DeadlineRule
    public var township: DeadlineRule
    public var county: DeadlineRule

    public init(total: DeadlineRule?, village: DeadlineRule, township: DeadlineRule, county: DeadlineRule) {
        self.total = total
        self.village = village
        self.township = township
        self.county = county
    }

    public func step(_ level: LeadLevel) -> DeadlineRule {
        switch level {
        case .village: village
        case .township: township
        case .county: county
        }
    }
}

extension LeadDeadlinePolicy {
    /// What makes a policy unusable, in Chinese with the place named: a channel without limits, a warning share
    /// outside 1–99 %, warning hours outside 0–240, a quiet period outside 1–3,650 days. Empty when it can be used.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        for channel in LeadChannel.allCases where channels[channel] == nil {
            problems.append(FieldProblem(field: "\(channel.rawValue)_village", message: "「\(channel.label)」缺少各级办理时限"))
        }
        for (channel, deadlines) in channels {
            for (level, rule) in [
                ("village", deadlines.village), ("township", deadlines.township), ("county", deadlines.county),
            ]
                + (deadlines.total.map { [("total", $0)] } ?? [])
            where rule.amount < 1 || rule.amount > (rule.unit == .hours ? 8_760 : 365) {
                problems.append(
                    FieldProblem(
                        field: "\(channel.rawValue)_\(level)", message: "「\(channel.label)」的时限 \(rule.text) 超出范围"))
            }
        }
        if !(0.01...0.99).contains(dueSoonFraction) {
            problems.append(FieldProblem(field: "due_soon_percent", message: "即将到期提示比例应在 1%–99% 之间"))
        }
        if !(0...240).contains(dueSoonHours) {
            problems.append(FieldProblem(field: "due_soon_hours", message: "即将到期提示小时数应在 0–240 之间"))
        }
        if let days = quietPeriodDays, !(1...3_650).contains(days) {
            problems.append(FieldProblem(field: "quiet_days", message: "复发静默期应为 1–3650 天，或留空表示数值不变不再提示"))
        }
        return problems
    }
}
