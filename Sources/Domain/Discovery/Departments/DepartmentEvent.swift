/// 部门数据记录: one record a department pushed about one person, e.g. a hospital stay's self-paid cost or a new
/// 低保 entry. Only the fields its kind carries are set (`DepartmentEventKind.typedFields`).
public struct DepartmentEvent: Sendable, Hashable, Codable {
    public var kind: DepartmentEventKind
    /// The person's identity number as validated on import; the join key to the registry.
    public var idNumber: String
    /// The name as the department sent it, shown on the lead so a mismatch with the registry is visible.
    public var memberName: String
    public var eventDate: CivilDate
    public var amount: Money?
    /// Disability grade `1`…`4` or housing grade `A`…`D`.
    public var grade: String?
    /// School stage as a `SchoolStatus` raw value.
    public var level: String?
    public var note: String
    /// Where the record stood in what the department sent: the row of its file (the header is row 1, blank rows
    /// counted) or the position of its record in an API push (from 1); nil for records not read from a file, e.g.
    /// read back from the store. Reports name it, so a department finds the row it must correct.
    public var sourceRow: Int?

    public init(
        kind: DepartmentEventKind, idNumber: String, memberName: String, eventDate: CivilDate,
        amount: Money? = nil, grade: String? = nil, level: String? = nil, note: String = ""
    ) {
        self.kind = kind
        self.idNumber = idNumber
        self.memberName = memberName
        self.eventDate = eventDate
        self.amount = amount
        self.grade = grade
        self.level = level
        self.note = note
    }
}
