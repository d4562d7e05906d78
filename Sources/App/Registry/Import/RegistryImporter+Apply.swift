import Domain
import Fluent
import Foundation
import Vapor

extension RegistryImporter {
    /// Applies the comparison of a page of checked households in the given transaction: new households and members
    /// in multi-row inserts, changed ones in a few set-based updates, every household touched written to the audit trail.
    /// (New households come here only if registered between the comparison and the write; `RegistryStagingStore` writes them.)
    static func apply(
        _ diff: RegistryDiff, batchID: UUID, actor: AuditLog.Actor, at date: Date, on database: any Database
    ) async throws {
        // A few thousand households at a time, so the rows being written never hold a whole province in memory.
        for drafts in diff.newHouseholds.chunked(into: 5_000) {
            var householdRows: [[any Encodable & Sendable]] = []
            var memberRows: [[any Encodable & Sendable]] = []
            var auditRows: [[any Encodable & Sendable]] = []
            for draft in drafts {
                let householdID = UUID()
                let head = draft.members.first { $0.relation == .head } ?? draft.members.first
                let fields = draft.fields
                householdRows.append([
                    householdID, fields.number, fields.villageCode.value, fields.groupCode?.value,
                    fields.gridCode?.value,
                    head?.name ?? "", fields.type.rawValue, fields.alleviatedYear, draft.members.count, fields.phone,
                    fields.address, fields.bankAccount, HouseholdMonitoringStatus.notMonitored.rawValue, 1, date, date,
                ])
                for member in draft.members { memberRows.append(memberRow(member, householdID: householdID, at: date)) }
                auditRows.append(
                    auditRow(
                        householdID: householdID, village: fields.villageCode.value,
                        summary: "导入新增农户（户编号 \(fields.number)，\(draft.members.count) 人）",
                        before: nil, after: snapshot(fields, members: draft.members), batchID: batchID, actor: actor,
                        at: date))
            }
            try await BulkInsert.insert(
                into: Household.schema, columns: DemoWriter.householdColumns, rows: householdRows, on: database)
            try await BulkInsert.insert(
                into: Member.schema, columns: DemoWriter.memberColumns, rows: memberRows, on: database)
            try await BulkInsert.insert(into: AuditEvent.schema, columns: auditColumns, rows: auditRows, on: database)
        }
        var memberRows: [[any Encodable & Sendable]] = []
        var auditRows: [[any Encodable & Sendable]] = []
        var memberUpdates: [[any Encodable & Sendable]] = []
        var householdUpdates: [[any Encodable & Sendable]] = []
        for change in diff.changes {
            guard let householdID = change.existing.id else { continue }
            let before = change.existing.auditSnapshot
            for (member, record) in change.changedMembers {
                member.apply(record)
                if let id = member.id { memberUpdates.append([id] + updatedValues(of: member, at: date)) }
            }
            for record in change.newMembers { memberRows.append(memberRow(record, householdID: householdID, at: date)) }
            let household = change.existing
            household.apply(change.draft.fields)
            household.memberCount = change.draft.members.count + change.unlistedMembers
            if let head = change.draft.members.first(where: { $0.relation == .head }) { household.headName = head.name }
            household.version += 1
            householdUpdates.append([householdID] + updatedValues(of: household, at: date))
            auditRows.append(
                auditRow(
                    householdID: householdID, village: household.villageCode,
                    summary:
                        "导入更新农户（户编号 \(household.householdNumber)：新增成员 \(change.newMembers.count) 人，更新成员 \(change.changedMembers.count) 人）",
                    before: before, after: household.auditSnapshot, batchID: batchID, actor: actor, at: date
                ))
        }
        try await BulkUpdate.update(
            Household.schema, key: "id", columns: householdUpdateColumns, rows: householdUpdates, on: database)
        try await BulkUpdate.update(
            Member.schema, key: "id", columns: memberUpdateColumns, rows: memberUpdates, on: database)
        try await BulkInsert.insert(
            into: Member.schema, columns: DemoWriter.memberColumns, rows: memberRows, on: database)
        try await BulkInsert.insert(into: AuditEvent.schema, columns: auditColumns, rows: auditRows, on: database)
    }

    /// The columns an import changes on a household it already holds, and their new values.
    static let householdUpdateColumns = [
        "household_number", "village_code", "group_code", "grid_code", "head_name", "household_type",
        "alleviated_year", "member_count", "phone", "address", "bank_account", "version", "updated_at",
    ]

    private static func updatedValues(of household: Household, at date: Date) -> [any Encodable & Sendable] {
        [
            household.householdNumber, household.villageCode, household.groupCode, household.gridCode,
            household.headName,
            household.householdType, household.alleviatedYear, household.memberCount, household.phone,
            household.address,
            household.bankAccount, household.version, date,
        ]
    }

    /// The columns an import changes on a member it already holds (the registry fields; departure stays).
    static let memberUpdateColumns = [
        "name", "id_number", "sex", "birth_date", "relation", "ethnicity", "education", "school_status",
        "health", "disability_grade", "labour_capacity", "work_place", "work_months", "medical_insured",
        "pension_insured", "minimum_living", "extreme_poverty", "public_welfare_job", "updated_at",
    ]

    private static func updatedValues(of member: Member, at date: Date) -> [any Encodable & Sendable] {
        [
            member.name, member.idNumber, member.sex, member.birthDate, member.relation, member.ethnicity,
            member.education,
            member.schoolStatus, member.health, member.disabilityGrade, member.labourCapacity, member.workPlace,
            member.workMonths,
            member.medicalInsured, member.pensionInsured, member.minimumLiving, member.extremePoverty,
            member.publicWelfareJob, date,
        ]
    }

    private static func memberRow(
        _ member: MemberRecord, householdID: UUID, at date: Date
    ) -> [any Encodable & Sendable] {
        [
            UUID(), householdID, member.name, member.idNumber, member.sex.rawValue, member.birthDate.description,
            member.relation.rawValue, member.ethnicity, member.education.rawValue, member.schoolStatus?.rawValue,
            HealthCondition.allCases.filter(member.health.contains).map(\.rawValue).joined(separator: ","),
            member.disabilityGrade, member.labourCapacity.rawValue, member.workPlace, member.workMonths,
            member.medicalInsured, member.pensionInsured, member.minimumLiving, member.extremePoverty,
            member.publicWelfareJob, date, date,
        ]
    }

    static let auditColumns = [
        "id", "occurred_at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "area_code",
        "summary", "before_json", "after_json", "reason",
    ]

    private static func auditRow(
        householdID: UUID, village: String, summary: String, before: AuditSnapshot?, after: AuditSnapshot,
        batchID: UUID, actor: AuditLog.Actor, at date: Date
    ) -> [any Encodable & Sendable] {
        [
            UUID(), date, actor.id, actor.name,
            before == nil ? AuditLog.Action.create.rawValue : AuditLog.Action.update.rawValue,
            Household.auditEntityType, householdID.uuidString, village, summary, before.map(AuditLog.encodeSnapshot),
            AuditLog.encodeSnapshot(after), batchReason(batchID),
        ]
    }

    /// The reason recorded with every household an import writes: its batch.
    static func batchReason(_ batchID: UUID) -> String { "导入批次 \(batchID.uuidString.prefix(8).lowercased())" }

    private static func snapshot(_ fields: HouseholdFields, members: [MemberRecord]) -> AuditSnapshot {
        [
            "household_number": fields.number, "village_code": fields.villageCode.value,
            "group_code": fields.groupCode?.value ?? "",
            "grid_code": fields.gridCode?.value ?? "", "household_type": fields.type.rawValue,
            "alleviated_year": fields.alleviatedYear.map(String.init) ?? "", "member_count": String(members.count),
            "phone": fields.phone ?? "", "address": fields.address, "bank_account": fields.bankAccount ?? "",
            "head_name": members.first { $0.relation == .head }?.name ?? "",
        ]
    }
}
