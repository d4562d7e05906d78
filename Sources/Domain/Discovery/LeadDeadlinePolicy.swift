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

    public init(channels: [LeadChannel: LeadChannelDeadlines], dueSoonFraction: Double, dueSoonHours: Int) {
        self.channels = channels
        self.dueSoonFraction = dueSoonFraction
        self.dueSoonHours = dueSoonHours
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
        LeadUrgency.of(due: due, started: started, now: now, dueSoonFraction: dueSoonFraction, dueSoonHours: dueSoonHours)
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
