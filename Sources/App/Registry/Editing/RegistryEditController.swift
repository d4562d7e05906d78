import Domain
import Fluent
import Vapor

/// 农户与成员维护: edit a household, add or edit a member, record a member's departure. Every save is checked like an
/// imported row, then against the household (one head, one spouse, one registration per person), and audited.
struct RegistryEditController {
    // MARK: household

    func editHousehold(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        if user.role.seesFullPersonalData {
            try await RegistryForm.recordFullView(of: household, form: "修改户信息表单", on: request)
        }
        return .html(
            try await householdPage(user: user, household: household, cells: nil, problems: [], on: request).render())
    }

    func updateHousehold(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        guard let fields = household.registryFields,
            let template = try await templateMember(of: household, on: request.db)
        else {
            throw AppError.incompleteHousehold
        }
        let edits = RegistryForm.keepingMasked(
            RegistryForm.edits(from: request, columns: RegistryForm.householdColumns),
            stored: RegistryFormFields.cells(household: fields, member: nil), full: user.role.seesFullPersonalData)
        var problems: [FieldProblem] = []
        var parsed: HouseholdFields?
        switch RegistryForm.parse(household: fields, member: template, edits: edits, today: request.today) {
        case let .success((newFields, _)): parsed = newFields
        case let .failure(failure): problems = failure.problems
        }
        guard let newFields = parsed, problems.isEmpty else {
            return .html(
                try await householdPage(user: user, household: household, cells: edits, problems: problems, on: request)
                    .render(), status: .unprocessableEntity)
        }
        if newFields != fields {
            try await request.db.transaction { database in
                let before = household.auditSnapshot
                household.apply(newFields)
                household.version += 1
                try await household.save(on: database)
                try await AuditLog.recordChange(
                    of: household, before: before, summary: "修改户信息", actor: request.auditActor, at: request.now,
                    on: database)
            }
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }

    private func householdPage(
        user: CurrentUser, household: Household, cells: [RegistryColumn: String]?, problems: [FieldProblem],
        on request: Request
    ) async throws -> FormPage {
        let id = try household.requireID()
        let subAreas = try await AreaDirectory.children(of: household.villageCode, on: request.db)
        let full = user.role.seesFullPersonalData
        let current = RegistryForm.shownCells(
            household.registryFields.map { RegistryFormFields.cells(household: $0, member: nil) } ?? [:], full: full)
        return FormPage(
            title: "修改户信息 · \(household.headName) 户", pageID: "household-form", user: user,
            action: SiteURL.household(id: id).path,
            fields: RegistryFormFields.household(
                current.merging(cells ?? [:]) { $1 }, groups: subAreas.filter { $0.level == AreaLevel.group.rawValue },
                grids: subAreas.filter { $0.level == AreaLevel.grid.rawValue }),
            problems: problems, intro: full ? nil : RegistryForm.maskedIntro,
            backLink: (SiteURL.household(id: id).path, "返回农户详情")
        )
    }

    /// The head (or any present member) to stand in for the member columns when only household columns change.
    private func templateMember(of household: Household, on database: any Database) async throws -> MemberRecord? {
        let members = try await Member.query(on: database).filter(\.$household.$id == household.requireID()).filter(
            \.$departedOn == nil
        ).all()
        return (members.first { $0.relation == RelationToHead.head.rawValue } ?? members.first)?.registryRecord
    }

    // MARK: members

    func newMember(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        return .html(
            memberPage(
                user: user, household: household, member: nil, cells: [.ethnicity: "汉族", .medicalInsurance: "是"],
                problems: []
            ).render())
    }

    func createMember(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        return try await saveMember(nil, in: household, user: user, on: request)
    }

    func editMember(_ request: Request) async throws -> Response {
        let (user, member, household) = try await scopedMember(request)
        if user.role.seesFullPersonalData {
            try await RegistryForm.recordFullView(of: household, form: "修改成员表单", on: request)
        }
        return .html(memberPage(user: user, household: household, member: member, cells: [:], problems: []).render())
    }

    /// A member's stored cells, as the registry file would hold them.
    private func storedCells(of member: Member?, in household: Household) -> [RegistryColumn: String] {
        guard let member, let fields = household.registryFields, let record = member.registryRecord else { return [:] }
        return RegistryFormFields.cells(household: fields, member: record)
    }

    func updateMember(_ request: Request) async throws -> Response {
        let (user, member, household) = try await scopedMember(request)
        return try await saveMember(member, in: household, user: user, on: request)
    }

    private func saveMember(
        _ member: Member?, in household: Household, user: CurrentUser, on request: Request
    ) async throws -> Response {
        let full = user.role.seesFullPersonalData
        let edits = RegistryForm.keepingMasked(
            RegistryForm.edits(from: request, columns: RegistryForm.memberColumns(full: full, existing: member != nil)),
            stored: storedCells(of: member, in: household), full: full)
        guard let fields = household.registryFields,
            let placeholder = RegistryForm.placeholderMember(today: request.today)
        else {
            throw AppError.incompleteHousehold
        }
        var record: MemberRecord?
        var problems: [FieldProblem] = []
        switch RegistryForm.parse(
            household: fields, member: member?.registryRecord ?? placeholder, edits: edits, today: request.today)
        {
        case let .success((_, parsed)): record = parsed
        case let .failure(failure): problems = failure.problems
        }
        if let record {
            problems += try await householdConflicts(
                record, replacing: member, in: household, scope: user.scope, on: request.db)
        }
        guard let record, problems.isEmpty else {
            return .html(
                memberPage(user: user, household: household, member: member, cells: edits, problems: problems).render(),
                status: .unprocessableEntity)
        }
        let householdID = try household.requireID()
        try await request.db.transaction { database in
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
                before: before, after: target.auditSnapshot, actor: request.auditActor, at: request.now, on: database
            )
        }
        return request.redirect(to: SiteURL.household(id: householdID).path)
    }

    /// What the household and the registry forbid: a second head or spouse, or a person registered twice.
    private func householdConflicts(
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

    /// The member form: for an existing member, its stored cells as the user may see them, under what was sent back.
    private func memberPage(
        user: CurrentUser, household: Household, member: Member?, cells: [RegistryColumn: String],
        problems: [FieldProblem]
    ) -> FormPage {
        let householdPath = SiteURL.household(id: household.id ?? UUID()).path
        let full = user.role.seesFullPersonalData
        let shown = RegistryForm.shownCells(storedCells(of: member, in: household), full: full).merging(cells) { $1 }
        let editable = Set(RegistryForm.memberColumns(full: full, existing: member != nil).map(\.rawValue))
        return FormPage(
            title: member == nil ? "新增成员 · \(household.headName) 户" : "修改成员 \(member?.name ?? "")",
            pageID: "member-form", user: user,
            action: member.flatMap { $0.id.map { SiteRoute.member.path($0) } }
                ?? SiteRoute.members.path(household.id ?? UUID()),
            fields: RegistryFormFields.member(shown).filter { editable.contains($0.name) }, problems: problems,
            intro: full || member == nil ? nil : RegistryForm.maskedIntro, backLink: (householdPath, "返回农户详情")
        )
    }

    // MARK: departure

    func departForm(_ request: Request) async throws -> Response {
        let (user, member, household) = try await scopedMember(request)
        return .html(
            departPage(
                user: user, member: member, household: household, values: ["departed_on": request.today.description],
                problems: []
            ).render())
    }

    func depart(_ request: Request) async throws -> Response {
        let (user, member, household) = try await scopedMember(request)
        let values = ["departed_on": request.formText("departed_on"), "reason": request.formText("reason")]
        var problems: [FieldProblem] = []
        let date = CivilDate(values["departed_on"] ?? "")
        if date == nil { problems.append(.init(field: "departed_on", message: "请填写迁出或去世日期（YYYY-MM-DD）。")) }
        if let date, date > request.today { problems.append(.init(field: "departed_on", message: "日期 \(date) 晚于今天。")) }
        if !MemberDeparture.reasons.contains(values["reason"] ?? "") {
            problems.append(.init(field: "reason", message: "请选择原因。"))
        }
        if member.relation == RelationToHead.head.rawValue {
            problems.append(.init(field: "reason", message: "户主不能直接减员：请先把另一名成员改为户主。"))
        }
        guard let date, problems.isEmpty else {
            return .html(
                departPage(user: user, member: member, household: household, values: values, problems: problems)
                    .render(), status: .unprocessableEntity)
        }
        let householdID = try household.requireID()
        try await request.db.transaction { database in
            let before = member.auditSnapshot
            member.departedOn = date.description
            member.departureReason = values["reason"]
            try await member.save(on: database)
            household.memberCount = try await Member.query(on: database).filter(\.$household.$id == householdID).filter(
                \.$departedOn == nil
            ).count()
            household.version += 1
            try await household.save(on: database)
            try await AuditLog.record(
                .update, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary: "成员 \(member.name) 减员（\(values["reason"] ?? "")，\(date)）",
                before: before, after: member.auditSnapshot, reason: values["reason"], actor: request.auditActor,
                at: request.now, on: database
            )
        }
        return request.redirect(to: SiteURL.household(id: householdID).path)
    }

    private func departPage(
        user: CurrentUser, member: Member, household: Household, values: [String: String], problems: [FieldProblem]
    ) -> FormPage {
        FormPage(
            title: "成员减员 · \(member.name)", pageID: "depart-form", user: user,
            action: SiteRoute.memberDeparture.path(member.id ?? UUID()),
            fields: [
                FormField(
                    name: "departed_on", label: "日期", kind: .date, value: values["departed_on"] ?? "", required: true),
                FormField(
                    name: "reason", label: "原因",
                    kind: .select([("", "请选择")] + MemberDeparture.reasons.map { ($0, $0) }),
                    value: values["reason"] ?? "", required: true),
            ],
            problems: problems, intro: "减员后成员记录保留，不再计入家庭人口。",
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
    }

    private func scopedMember(_ request: Request) async throws -> (CurrentUser, Member, Household) {
        let user = try request.requireUser()
        let member = try await request.scoped(Member.self).find(request.parameters.get("id", as: UUID.self))
        guard HouseholdAction.editRegistry.isAllowed(for: user.role) else {
            throw Abort(.forbidden, reason: HouseholdAction.editRegistry.refusal)
        }
        guard member.departedOn == nil else { throw AppError.memberDeparted }
        let household = try await request.scoped(Household.self).find(member.$household.id)
        return (user, member, household)
    }
}

/// 减员原因
enum MemberDeparture {
    static let reasons = ["迁出", "死亡", "出嫁", "服兵役", "其他"]
}
