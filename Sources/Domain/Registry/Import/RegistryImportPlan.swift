/// 导入方案: what importing a registry file would do, worked out before anything is saved. It holds the
/// households that passed every check and the problems of the rest, so a county can either fix the file and
/// import all of it or import the clean households now.
public struct RegistryImportPlan: Sendable, Hashable {
    /// Households whose every row passed every check, in order of first appearance in the file.
    public let households: [HouseholdDraft]
    /// Every problem of the file, by row.
    public let problems: [ImportProblem]
    /// Remarks that do not block the import, e.g. ignored columns.
    public let notes: [String]
    /// Data rows read, not counting empty rows.
    public let rowCount: Int

    public var isValid: Bool { problems.isEmpty }

    public init(households: [HouseholdDraft], problems: [ImportProblem], notes: [String], rowCount: Int) {
        self.households = households
        self.problems = problems
        self.notes = notes
        self.rowCount = rowCount
    }

    /// Reads a whole file. `rows` are the data rows after the header, so `rows[0]` is row 2 of the sheet.
    /// `isKnownVillage` and `isKnownSubArea` answer for codes that exist and are inside the importing user's
    /// scope; each distinct code is asked once.
    public static func make(
        header: [String], rows: [[String]], today: CivilDate,
        isKnownVillage: (AreaCode) -> Bool, isKnownSubArea: (AreaCode) -> Bool
    ) -> RegistryImportPlan {
        let columns: RegistryHeader
        do {
            columns = try RegistryHeader(cells: header)
        } catch {
            return RegistryImportPlan(households: [], problems: error.problems, notes: [], rowCount: 0)
        }
        let parser = RegistryRowParser(header: columns, today: today)
        var memo = RegistryAreaMemo()
        let readings = rows.enumerated().compactMap { parser.read(row: $0.offset + 2, cells: $0.element, memo: &memo) }
        let check = RegistryCrossRowCheck(readings: readings)
        let found =
            readings.flatMap(\.problems)
            + check.areaProblems(isKnownVillage: isKnownVillage, isKnownSubArea: isKnownSubArea)
            + check.householdProblems()
            + check.duplicateIdentityProblems()
        // Stable by row: within a row, cell problems first in column order, then cross-row ones.
        let problems = found.enumerated()
            .sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
            .map(\.element)
        return RegistryImportPlan(
            households: check.cleanHouseholds(troubledRows: Set(problems.map(\.row))), problems: problems,
            notes: columns.notes, rowCount: readings.count
        )
    }
}
