/// 规则参数: a number a screening rule reads from its version. The raw value is the key in
/// `ScreeningRuleVersion.parameters`, so a stored rule version stays readable as plain JSON.
public enum ScreeningParameter: String, CodeList {
    /// How far above the monitoring line, in percent of it, a household still counts as below it; 0 uses the line.
    case lineMarginPercent
    /// The fall of per-capita income from the year before, in percent, that counts as sharp.
    case dropPercent
    /// An amount in fen (分) that fires once reached: "5万元以上" includes 50,000 (以上 includes the figure itself).
    case thresholdFen
    /// The least severe disability grade that counts as severe (grades are 1, most severe, to 4).
    case maximumGrade
    /// How many children in higher education (or in non-compulsory schooling) make the rule fire.
    case minimumStudents
    /// The age in whole years from which a member counts as elderly (老年人: 60 and over).
    case minimumAge
    /// The most labour-capable members a household may have left after losing one for the loss to count.
    case maximumRemainingLabourers
    /// How many months before the screening day, the day itself included, department records count as new.
    case windowMonths

    public var label: String {
        switch self {
        case .lineMarginPercent: "监测线上浮比例（%）"
        case .dropPercent: "降幅（%）"
        case .thresholdFen: "金额阈值（分）"
        case .maximumGrade: "最低重度等级"
        case .minimumStudents: "在读人数下限"
        case .windowMonths: "统计月数"
        case .minimumAge: "老年人起始年龄（周岁）"
        case .maximumRemainingLabourers: "剩余劳动力人数上限"
        }
    }

    /// The values that make sense; outside them the version is reported by `ScreeningRuleSet.problems`.
    public var allowedRange: ClosedRange<Int64> {
        switch self {
        case .lineMarginPercent: 0...100
        case .dropPercent: 1...100
        case .thresholdFen: 0...Int64(Int32.max) * 100
        case .maximumGrade: 1...4
        case .minimumStudents: 1...20
        case .windowMonths: 1...60
        case .minimumAge: 50...100
        case .maximumRemainingLabourers: 0...10
        }
    }
}
