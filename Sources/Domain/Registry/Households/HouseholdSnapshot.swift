/// 户数据快照: a household as stored, with the family size recorded on the household (家庭人口数), which older
/// data keeps separately from the member list and so can drift from it.
public struct HouseholdSnapshot: Sendable, Hashable {
    public var fields: HouseholdFields
    public var recordedMemberCount: Int
    public var members: [MemberRecord]

    public init(fields: HouseholdFields, recordedMemberCount: Int, members: [MemberRecord]) {
        self.fields = fields
        self.recordedMemberCount = recordedMemberCount
        self.members = members
    }

    /// A household about to be imported: its size is its member list.
    public init(draft: HouseholdDraft) {
        self.init(fields: draft.fields, recordedMemberCount: draft.members.count, members: draft.members)
    }
}
