import Domain
import Fluent
import Foundation
import SQLKit

/// What an import plan would change in the registry, worked out against the database in a few batched queries:
/// new and changed households, new and changed members, and the conflicts that only the database can show.
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
    var problems: [ImportProblem] = []

    var changedHouseholds: Int { changes.count }
    var newMemberCount: Int { newHouseholds.reduce(0) { $0 + $1.members.count } + changes.reduce(0) { $0 + $1.newMembers.count } }
    var changedMemberCount: Int { changes.reduce(0) { $0 + $1.changedMembers.count } }
    var unlistedMemberCount: Int { changes.reduce(0) { $0 + $1.unlistedMembers } }

    static let batchSize = 1_000

    static func make(households drafts: [HouseholdDraft], scope: AccessScope, on database: any Database) async throws -> RegistryDiff {
        var diff = RegistryDiff()
        let numbers = drafts.map(\.fields.number)
        var existing: [String: Household] = [:]
        for chunk in numbers.chunked(into: batchSize) {
            for household in try await Household.query(on: database).filter(\.$householdNumber ~~ chunk).all() {
                existing[household.householdNumber] = household
            }
        }
        let membersByHousehold = try await MemberRow.present(inHouseholds: existing.values.compactMap(\.id), on: database)
        // A person already registered in a household the file does not touch cannot be added again elsewhere.
        let holderOf = try await holders(of: drafts.flatMap { $0.members.map(\.idNumber) }, scope: scope, on: database)
        for draft in drafts {
            let firstRow = draft.rows.first ?? 0
            for (index, member) in draft.members.enumerated() {
                if let holder = holderOf[member.idNumber], holder != draft.fields.number {
                    let row = index < draft.rows.count ? draft.rows[index] : firstRow
                    diff.problems.append(ImportProblem(row: row, column: .idNumber, value: member.idNumber, reason: holder.isEmpty
                        ? "该身份证号已在您管辖范围以外登记，同一人不能在两户登记，请与上级核实"
                        : "该身份证号已登记在户编号 \(holder) 的农户中，同一人不能在两户登记"))
                }
            }
            guard let household = existing[draft.fields.number] else {
                diff.newHouseholds.append(draft)
                continue
            }
            guard let code = AreaCode(household.villageCode), scope.includes(code) else {
                diff.problems.append(ImportProblem(row: firstRow, column: .householdNumber, value: draft.fields.number,
                                                   reason: "该户编号已登记在您管辖范围以外的农户"))
                continue
            }
            let change = try await compare(household, with: draft, members: membersByHousehold[household.id ?? UUID()] ?? [], on: database)
            if change.householdChanged || !change.newMembers.isEmpty || !change.changedMembers.isEmpty {
                diff.changes.append(change)
            } else {
                diff.unchangedHouseholds += 1
            }
        }
        diff.problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return diff
    }

    private struct Holder: Decodable {
        let id_number: String
        let household_number: String
        let village_code: String
    }

    /// Which household each identity number is registered in now: one narrow join per batch, no models built.
    private static func holders(of idNumbers: [String], scope: AccessScope, on database: any Database) async throws -> [String: String] {
        guard let sql = database as? any SQLDatabase else { return [:] }
        var result: [String: String] = [:]
        for chunk in idNumbers.chunked(into: batchSize) {
            let rows = try await sql.select()
                .column(SQLColumn("id_number", table: Member.schema))
                .column(SQLColumn("household_number", table: Household.schema))
                .column(SQLColumn("village_code", table: Household.schema))
                .from(Member.schema)
                .join(Household.schema, on: SQLColumn("household_id", table: Member.schema), .equal, SQLColumn("id", table: Household.schema))
                .where(SQLColumn("id_number", table: Member.schema), .in, SQLBind.group(chunk))
                .where(SQLColumn("departed_on", table: Member.schema), .is, SQLLiteral.null)
                .all(decoding: Holder.self)
            // Outside the importer's area only the fact of a conflict is told, never where.
            for row in rows { result[row.id_number] = AreaCode(row.village_code).map(scope.includes) == true ? row.household_number : "" }
        }
        return result
    }

    /// Compares on plain rows; only members that really change are loaded as models, to be updated.
    private static func compare(_ household: Household, with draft: HouseholdDraft, members: [MemberRow], on database: any Database) async throws -> HouseholdChange {
        let byID = Dictionary(members.map { ($0.id_number, $0) }, uniquingKeysWith: { first, _ in first })
        var newMembers: [MemberRecord] = []
        var changedMembers: [(Member, MemberRecord)] = []
        for record in draft.members {
            guard let row = byID[record.idNumber] else { newMembers.append(record); continue }
            if row.record != record, let member = try await Member.find(row.id, on: database) { changedMembers.append((member, record)) }
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
