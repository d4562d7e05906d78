import Domain
import Fluent
import Vapor

/// 减员原因
enum MemberDeparture {
    static let reasons = ["迁出", "死亡", "出嫁", "服兵役", "其他"]
}

extension RegistryEditService {
    /// Checks a new member (`member` nil) or an edited one against the registry and the household, and saves it with
    /// the household's member count, head name and version.
    static func saveMember(
        _ member: Member?, edits: [RegistryColumn: String], in household: Household, user: CurrentUser,
        today: CivilDate, actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws {
        guard let fields = household.registryFields,
            let placeholder = RegistryForm.placeholderMember(today: today)
        else {
            throw AppError.incompleteHousehold
        }
        var record: MemberRecord?
        var problems: [FieldProblem] = []
        switch RegistryForm.parse(
            household: fields, member: member?.registryRecord ?? placeholder, edits: edits, today: today)
        {
        case let .success((_, parsed)): record = parsed
        case let .failure(failure): problems = failure.problems
        }
        if let record {
            problems += try await householdConflicts(
                record, replacing: member, in: household, scope: user.scope, on: database)
        }
        guard let record, problems.isEmpty else {
            throw ValidationFailure(problems: problems)
        }
        let householdID = try household.requireID()
        try await database.transaction { database in
            let target = member ?? Member()
            let before = member?.auditSnapshot
            target.$household.id = householdID
            target.apply(record)
            try await target.save(on: database)
            let present = try await Member.query(on: database).filter(\.$household.$id == householdID).filter(
                \.$departedOn == nil
            ).all()
            household.memberCount = present.count
            if let head = present.first(where: { $0.relation == RelationToHead.head.rawValue }) {
                household.headName = head.name
            }
            household.version += 1
            try await household.save(on: database)
            try await AuditLog.record(
                before == nil ? .create : .update, entityType: Household.auditEntityType,
                entityID: householdID.uuidString,
                areaCode: household.villageCode, summary: before == nil ? "新增成员 \(record.name)" : "修改成员 \(record.name)",
                before: before, after: target.auditSnapshot, actor: actor, at: now, on: database
            )
        }
    }

    /// What the household and the registry forbid: a second head or spouse, or a person registered twice.
    private static func householdConflicts(
        _ record: MemberRecord, replacing member: Member?, in household: Household, scope: AccessScope,
        on database: any Database
    ) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let others = try await Member.query(on: database).filter(\.$household.$id == household.requireID())
            .filter(\.$departedOn == nil).all().filter { $0.id != member?.id }
        for relation in [RelationToHead.head, .spouse] where record.relation == relation {
            if let existing = others.first(where: { $0.relation == relation.rawValue }) {
                problems.append(
                    .init(
                        field: RegistryColumn.relation.rawValue,
                        message: "与户主关系：本户已有\(relation.label)「\(existing.name)」，一户只能有一名\(relation.label)。"))
            }
        }
        let holders = try await Member.query(on: database).filter(\.$idNumber == record.idNumber).filter(
            \.$departedOn == nil
        ).with(\.$household).all()
        if let holder = holders.first(where: { $0.id != member?.id }) {
            let visible = AreaCode(holder.household.villageCode).map(scope.includes) == true
            problems.append(
                .init(
                    field: RegistryColumn.idNumber.rawValue,
                    message: visible
                        ? "身份证号：该号码已登记在户编号 \(holder.household.householdNumber)（\(holder.name)），同一人不能重复登记。"
                        : "身份证号：该号码已在您管辖范围以外登记，同一人不能重复登记，请与上级核实。"))
        }
        return problems
    }

    /// Records a member's departure (迁出、死亡…) on the given date: the member stays on record, no longer counted in
    /// the household. The head cannot leave before another member becomes head.
    static func recordDeparture(
        of member: Member, in household: Household, departedOn: String, reason: String, today: CivilDate,
        actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws {
        var problems: [FieldProblem] = []
        let date = CivilDate(departedOn)
        if date == nil { problems.append(.init(field: "departed_on", message: "请填写迁出或去世日期（YYYY-MM-DD）。")) }
        if let date, date > today { problems.append(.init(field: "departed_on", message: "日期 \(date) 晚于今天。")) }
        if !MemberDeparture.reasons.contains(reason) {
            problems.append(.init(field: "reason", message: "请选择原因。"))
        }
        if member.relation == RelationToHead.head.rawValue {
            problems.append(.init(field: "reason", message: "户主不能直接减员：请先把另一名成员改为户主。"))
        }
        guard let date, problems.isEmpty else {
            throw ValidationFailure(problems: problems)
        }
        let householdID = try household.requireID()
        try await database.transaction { database in
            let before = member.auditSnapshot
            member.departedOn = date.description
            member.departureReason = reason
            try await member.save(on: database)
            household.memberCount = try await Member.query(on: database).filter(\.$household.$id == householdID).filter(
                \.$departedOn == nil
            ).count()
            household.version += 1
            try await household.save(on: database)
            try await AuditLog.record(
                .update, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary: "成员 \(member.name) 减员（\(reason)，\(date)）",
                before: before, after: member.auditSnapshot, reason: reason, actor: actor,
                at: now, on: database
            )
        }
    }
}
