import Domain
import Fluent
import Vapor

/// 农户与成员维护: the forms that edit a household, add or edit a member, and record a member's departure. The saves
/// are `RegistryEditService`'s; a refused save shows the form again with what was sent and every problem.
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
        let edits = RegistryForm.keepingMasked(
            RegistryForm.edits(from: request, columns: RegistryForm.householdColumns),
            stored: household.registryFields.map { RegistryFormFields.cells(household: $0, member: nil) } ?? [:],
            full: user.role.seesFullPersonalData)
        do {
            try await RegistryEditService.updateHousehold(
                household, edits: edits, today: request.today, actor: request.auditActor, at: request.now,
                on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                try await householdPage(
                    user: user, household: household, cells: edits, problems: failure.problems, on: request
                ).render(), status: .unprocessableEntity)
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
        do {
            try await RegistryEditService.saveMember(
                member, edits: edits, in: household, user: user, today: request.today, actor: request.auditActor,
                at: request.now, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                memberPage(user: user, household: household, member: member, cells: edits, problems: failure.problems)
                    .render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
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
        do {
            try await RegistryEditService.recordDeparture(
                of: member, in: household, departedOn: values["departed_on"] ?? "", reason: values["reason"] ?? "",
                today: request.today, actor: request.auditActor, at: request.now, on: request.db)
        } catch let failure as ValidationFailure {
            return .html(
                departPage(user: user, member: member, household: household, values: values, problems: failure.problems)
                    .render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
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
        guard user.role.may(.editRegistry) else {
            throw AppError.forbidden(.editRegistry)
        }
        guard member.departedOn == nil else { throw AppError.memberDeparted }
        let household = try await request.scoped(Household.self).find(member.$household.id)
        return (user, member, household)
    }
}
