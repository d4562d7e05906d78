extension ScreeningRuleSet {
    /// SEEDED CONFIGURATION, not logic: version 1 of every rule, national, in force from 2021-05-01 (中农组发〔2021〕7号,
    /// POLICY §1) with no end. A deployment loads these as data rows and then adds its province's and counties'
    /// own versions; the engine never falls back to these numbers. Sources per parameter, POLICY §6 and §13:
    public static let seeded: [ScreeningRuleVersion] = [
        // The monitoring line itself (N1, S2): margin 0. The line comes from `MonitoringLine`, not from here.
        seed(.incomeBelowLine, [.lineMarginPercent: 0]),
        // S2 and N1 name the sharp fall but give no figure; 30 % is a starting value for each province to set.
        seed(.sharpIncomeDrop, [.dropPercent: 30]),
        // Essential spending above last year's net income (S2): no parameter.
        seed(.rigidSpendingAboveIncome, [:]),
        // Self-paid medical costs over 50,000 yuan per person (S0). Elsewhere 20,000 cumulative or 10,000 per stay
        // (N9, POLICY §13.4), hence a parameter. Twelve months: N9 counts cumulative costs, S0 yearly data.
        seed(.hospitalSelfPay, [.thresholdFen: 5_000_000, .windowMonths: 12]),
        // Newly diagnosed serious illness pushed by health (N9); "new" = within twelve months.
        seed(.newSeriousIllness, [.windowMonths: 12]),
        // Any new 低保 or 特困 entry (S0, N5).
        seed(.newMinimumLiving, [.windowMonths: 12]),
        seed(.newExtremePoverty, [.windowMonths: 12]),
        // New or severe disability (N5, N10); severe = grades 1 and 2 of the disability certificate.
        seed(.newSevereDisability, [.maximumGrade: 2, .windowMonths: 12]),
        // Two or more children in full-time higher education (S0: 46 such households).
        seed(.multipleInHigherEducation, [.minimumStudents: 2, .windowMonths: 12]),
        // C/D housing on the renovation list (S0).
        seed(.unsafeHousing, [.windowMonths: 12]),
        // Disaster damage after the event (N9, which gives no figure); 10,000 yuan is a starting value.
        seed(.disasterDamage, [.thresholdFen: 1_000_000, .windowMonths: 12]),
        // Water problems (S2).
        seed(.unsafeWater, [.windowMonths: 12]),
        // Unstable work and job loss (N10).
        seed(.jobLoss, [.windowMonths: 12]),
        // A child in non-compulsory schooling (S0 安岳县: 子女就读非义务教育阶段): one child in senior high, secondary
        // vocational or higher education is enough. Seeded switched off: S0 names it as one county's focus, and on
        // its own it flags about one household in ten, so a county switches it on for its area after a dry run.
        seed(.childInNonCompulsorySchooling, [.minimumStudents: 1, .windowMonths: 12], enabled: false),
        // 失能失智老年人 (seed 002 初选对象 5, N11): 老年人 are 60 and over (老年人权益保障法).
        seed(.frailElderly, [.minimumAge: 60]),
        // 家庭主要劳动力 lost (seed 002 初选对象 1) in the last twelve months, leaving at most one capable member.
        seed(.mainLabourerLoss, [.maximumRemainingLabourers: 1, .windowMonths: 12]),
    ]

    /// The day the seeded versions take effect: the 2021 national notice that set up the current mechanism.
    public static let seededEffectiveFrom = CivilDate(known: 2021, 5, 1)

    private static func seed(
        _ kind: ScreeningRuleKind, _ parameters: [ScreeningParameter: Int64], enabled: Bool = true
    ) -> ScreeningRuleVersion {
        ScreeningRuleVersion(
            kind: kind, version: 1,
            parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0.key.rawValue, $0.value) }),
            effective: ValidityPeriod(from: seededEffectiveFrom), enabled: enabled
        )
    }
}
