/// 区划层级: from province down to the village's own groups and grids.
public enum AreaLevel: String, CodeList, Comparable {
    case province
    case city
    case county
    case township
    case village
    case group
    case grid

    public var label: String {
        switch self {
        case .province: "省"
        case .city: "市"
        case .county: "县"
        case .township: "乡镇"
        case .village: "村/社区"
        case .group: "村民小组"
        case .grid: "网格"
        }
    }

    /// Steps below the province. Groups and grids both sit directly under a village, so they share a depth.
    public var depth: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .county: 2
        case .township: 3
        case .village: 4
        case .group, .grid: 5
        }
    }

    /// Levels whose areas the county creates itself under an area of `level`: official code lists stop at the
    /// township, so villages, groups and grids get locally assigned codes.
    public static func localChildLevels(of level: AreaLevel) -> [AreaLevel] {
        switch level {
        case .township: [.village]
        case .village: [.group, .grid]
        case .province, .city, .county, .group, .grid: []
        }
    }

    /// Higher levels first; a group sorts before a grid so that listings are stable.
    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool {
        (lhs.depth, lhs == .grid ? 1 : 0) < (rhs.depth, rhs == .grid ? 1 : 0)
    }
}
