/// 待导入户: a household of an import file that passed every check, ready to be saved.
public struct HouseholdDraft: Sendable, Hashable {
    public let fields: HouseholdFields
    /// In file order.
    public let members: [MemberRecord]
    /// The file rows the members came from, for linking saved records back to the file.
    public let rows: [Int]

    public init(fields: HouseholdFields, members: [MemberRecord], rows: [Int]) {
        self.fields = fields
        self.members = members
        self.rows = rows
    }
}
