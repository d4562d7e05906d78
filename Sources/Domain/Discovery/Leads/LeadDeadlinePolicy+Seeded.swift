extension LeadDeadlinePolicy {
    /// SEEDED CONFIGURATION, not logic: the starting lead deadlines, from POLICY §5.
    /// - Department pushes and system screening: the whole run in 5 working days (S0: 村级核查、乡镇复核、县级审核
    ///   5日内完成研判), split 2 / 2 / 1 working days. S0 writes 5 days; working days are the reading chosen here, as
    ///   §13.1 records the days-versus-working-days conflict.
    /// - Self-report, hotline, grid and cadre visits, social supervision: the village responds at once (S0: 即时响应),
    ///   taken as 24 hours; then 2 working days for the township and 2 for the county, after Anhui's
    ///   2-day acceptance and 2-day check steps for applications (N3). No total: the sources give none.
    /// - Orange when less than a third of a step's time, or less than 24 hours, is left.
    public static let seeded: LeadDeadlinePolicy = {
        let atOnce = LeadChannelDeadlines(
            total: nil, village: DeadlineRule(amount: 24, unit: .hours),
            township: DeadlineRule(amount: 2, unit: .workingDays), county: DeadlineRule(amount: 2, unit: .workingDays)
        )
        let pushed = LeadChannelDeadlines(
            total: DeadlineRule(amount: 5, unit: .workingDays), village: DeadlineRule(amount: 2, unit: .workingDays),
            township: DeadlineRule(amount: 2, unit: .workingDays), county: DeadlineRule(amount: 1, unit: .workingDays)
        )
        return LeadDeadlinePolicy(
            channels: [
                .department: pushed, .screening: pushed,
                .selfReport: atOnce, .hotline: atOnce, .gridVisit: atOnce, .cadreVisit: atOnce,
                .socialSupervision: atOnce,
            ],
            dueSoonFraction: 1.0 / 3.0,
            dueSoonHours: 24
        )
    }()

    /// The seeded policy as a national row from 2021-05-01 (中农组发〔2021〕7号), ready for a `PolicyTable` that a
    /// province or county then extends with its own rows.
    public static let seededRows: [EffectiveDated<LeadDeadlinePolicy>] = [
        EffectiveDated(scope: nil, effectiveFrom: CivilDate(known: 2021, 5, 1), value: seeded)
    ]
}
