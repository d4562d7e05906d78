/// 登记表行解析: turns one data row of a registry file into typed household and member fields, collecting every
/// problem in the row so the person fixing the file sees them all at once.
public struct RegistryRowParser: Sendable {
    public let header: RegistryHeader
    /// The day ages are counted on and after which no one can have been born.
    public let today: CivilDate
    let isKnownRegion: @Sendable (String) -> Bool

    public init(
        header: RegistryHeader, today: CivilDate,
        isKnownRegion: @escaping @Sendable (String) -> Bool = { RegionCodeTable.contains($0) }
    ) {
        self.header = header
        self.today = today
        self.isKnownRegion = isKnownRegion
    }

    /// `row` is the row number the spreadsheet shows (the header is row 1).
    public func parse(row: Int, cells: [String]) -> RegistryRowOutcome {
        guard let reading = read(row: row, cells: cells) else { return .skipped }
        if let household = reading.household, let member = reading.member, reading.problems.isEmpty {
            return .parsed(household, member)
        }
        return .invalid(reading.problems)
    }

    /// The row's trimmed cells, whatever could be typed, and its problems; nil for a row with nothing in it, which
    /// spreadsheets leave between blocks and is not an error.
    public func read(row: Int, cells: [String]) -> RegistryRowReading? {
        var memo = RegistryAreaMemo()
        return read(row: row, cells: cells, memo: &memo)
    }

    /// `memo` carries area codes parsed on earlier rows of the same file.
    func read(row: Int, cells: [String], memo: inout RegistryAreaMemo) -> RegistryRowReading? {
        var texts = [String](repeating: "", count: RegistryColumn.allCases.count)
        var isEmpty = true
        for (column, position) in header.positions where position < cells.count {
            let text = RegistryCell.trimmed(cells[position])
            texts[column.ordinal] = text
            if !text.isEmpty { isEmpty = false }
        }
        // A row whose only content is in ignored columns (a serial number, a remark) is still empty.
        guard !isEmpty else { return nil }
        var reader = RegistryRowReader(row: row, texts: texts, memo: memo)
        let household = reader.household()
        let member = reader.member(today: today, isKnownRegion: isKnownRegion)
        memo = reader.memo
        return RegistryRowReading(
            row: row, texts: texts, areas: reader.areas, household: household, member: member, problems: reader.problems
        )
    }
}

/// What one row yields.
public enum RegistryRowOutcome: Sendable, Hashable {
    /// Every cell empty.
    case skipped
    case parsed(HouseholdFields, MemberRecord)
    case invalid([ImportProblem])
}

/// One row as read: the trimmed text of each column, the typed values where the whole group of fields was valid,
/// and the problems found. The import plan uses the text for cross-row checks even when a row has problems.
public struct RegistryRowReading: Sendable, Hashable {
    public let row: Int
    let texts: [String]
    /// The area codes that were valid and of the right level even if other household fields were not, so the
    /// scope check runs without parsing them again.
    let areas: RegistryRowAreas
    public let household: HouseholdFields?
    public let member: MemberRecord?
    public let problems: [ImportProblem]

    /// The trimmed cell; empty when the file has no such column.
    public func text(_ column: RegistryColumn) -> String { texts[column.ordinal] }
}

extension RegistryColumn {
    /// Slot in per-row arrays, in `allCases` order: a switch, because hashing into a dictionary for every cell
    /// of 60,000 rows showed up in profiles. Two columns sharing a slot would break the round-trip tests.
    var ordinal: Int {
        switch self {
        case .householdNumber: 0
        case .villageCode: 1
        case .groupCode: 2
        case .gridCode: 3
        case .householdType: 4
        case .alleviatedYear: 5
        case .phone: 6
        case .address: 7
        case .bankAccount: 8
        case .name: 9
        case .idNumber: 10
        case .relation: 11
        case .ethnicity: 12
        case .education: 13
        case .schoolStatus: 14
        case .health: 15
        case .disabilityGrade: 16
        case .labourCapacity: 17
        case .workPlace: 18
        case .workMonths: 19
        case .medicalInsurance: 20
        case .pensionInsurance: 21
        case .minimumLiving: 22
        case .extremePoverty: 23
        case .publicWelfareJob: 24
        }
    }
}
