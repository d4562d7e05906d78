import Domain
import Fluent
import Foundation
import SQLKit

/// What an import would change in households it finds registered, worked out against the database in a few batched
/// queries: changed households, new and changed members.
struct RegistryDiff {
    struct HouseholdChange {
        let existing: Household
        let draft: HouseholdDraft
        let householdChanged: Bool
        let newMembers: [MemberRecord]
        let changedMembers: [(Member, MemberRecord)]
        /// Members in the registry that the file does not list; they are kept as they are.
        let unlistedMembers: Int
    }

    var newHouseholds: [HouseholdDraft] = []
    var changes: [HouseholdChange] = []
    var unchangedHouseholds = 0

    var changedHouseholds: Int { changes.count }
    var newMemberCount: Int {
        newHouseholds.reduce(0) { $0 + $1.members.count } + changes.reduce(0) { $0 + $1.newMembers.count }
    }
    var changedMemberCount: Int { changes.reduce(0) { $0 + $1.changedMembers.count } }
    var unlistedMemberCount: Int { changes.reduce(0) { $0 + $1.unlistedMembers } }

    static let batchSize = 1_000

    /// Compares households already registered inside the importer's scope (`RegistryStagingStore.classify` found them, and
    /// the conflicts with the registry) field by field; a household no longer found is new.
    static func make(households drafts: [HouseholdDraft], on database: any Database) async throws -> RegistryDiff {
        var diff = RegistryDiff()
        let numbers = drafts.map(\.fields.number)
        var existing: [String: Household] = [:]
        for chunk in numbers.chunked(into: batchSize) {
            for household in try await Household.query(on: database).filter(\.$householdNumber ~~ chunk).all() {
                existing[household.householdNumber] = household
            }
        }
        let membersByHousehold = try await MemberRow.present(
            inHouseholds: existing.values.compactMap(\.id), on: database)
        for draft in drafts {
            guard let household = existing[draft.fields.number] else {
                diff.newHouseholds.append(draft)
                continue
            }
            let change = try await compare(
                household, with: draft, members: membersByHousehold[household.id ?? UUID()] ?? [], on: database)
            if change.householdChanged || !change.newMembers.isEmpty || !change.changedMembers.isEmpty {
                diff.changes.append(change)
            } else {
                diff.unchangedHouseholds += 1
            }
        }
        return diff
    }

    /// Compares on plain rows; only members that really change are loaded as models, to be updated.
    private static func compare(
        _ household: Household, with draft: HouseholdDraft, members: [MemberRow], on database: any Database
    ) async throws -> HouseholdChange {
        let byID = Dictionary(members.map { ($0.id_number, $0) }, uniquingKeysWith: { first, _ in first })
        var newMembers: [MemberRecord] = []
        var changedMembers: [(Member, MemberRecord)] = []
        for record in draft.members {
            guard let row = byID[record.idNumber] else { newMembers.append(record); continue }
            if row.record != record, let member = try await Member.find(row.id, on: database) {
                changedMembers.append((member, record))
            }
        }
        let listed = Set(draft.members.map(\.idNumber))
        return HouseholdChange(
            existing: household, draft: draft, householdChanged: household.registryFields != draft.fields,
            newMembers: newMembers, changedMembers: changedMembers,
            unlistedMembers: members.filter { !listed.contains($0.id_number) }.count
        )
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
