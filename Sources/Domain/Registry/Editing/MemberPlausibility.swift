/// 成员信息合理性: the age rules shared by the import, which refuses what cannot be true, and the data-quality
/// check, which reports the same on records that came in by other ways. One table, so the two never disagree.
public enum MemberPlausibility {
    /// 义务教育年龄: a child of these ages without a school status may have dropped out (控辍保学).
    public static let compulsorySchoolAges = 6...15

    /// 劳动年龄: code table 100A14 counts ordinary labour from 16 to 59.
    public static let workingAges = 16...59

    /// Ages at which a school stage is believable. The bounds are wide on purpose: they catch a wrong column or a
    /// stale record (a 40-year-old “in primary school”), not late starters or adult vocational students. Primary
    /// and junior stages stop at 24 so that an adult of 25 or more still recorded there is always reported.
    public static func plausibleAges(for status: SchoolStatus) -> ClosedRange<Int> {
        switch status {
        case .preschool: 2...7
        case .primary: 5...24
        case .juniorHigh: 10...24
        case .seniorHigh: 13...30
        case .secondaryVocational: 13...45
        case .higherVocational: 15...45
        case .technicianCollege: 14...45
        case .bachelor: 15...45
        case .masterOrAbove: 19...60
        }
    }

    /// Full labour (普通/技能劳动力) needs working age; a child counted as labour inflates the household's
    /// labour and hides a 缺劳动力 risk.
    public static func isLabourPossible(_ capacity: LabourCapacity, age: Int) -> Bool {
        !capacity.isCapable || age >= workingAges.lowerBound
    }
}
