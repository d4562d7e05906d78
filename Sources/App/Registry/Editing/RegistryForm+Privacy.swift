import Domain
import Vapor

/// The edit forms follow the masking rule of every other page (`PersonalDataMask.shown`): a role that sees personal
/// data only masked gets the masked values on the form too, and what it sends back unchanged (still masked) leaves
/// the stored value as it is, so it can correct an address or a school status without ever holding the identity
/// number, phone or account. Health and disability, which it may not see at all, are left off an existing member's
/// form. A role that needs the data sees it in full, and opening the form is then logged as a full view.
extension RegistryForm {
    /// The stored cells as the form shows them to a role that sees full data (`full`) or only masked data.
    static func shownCells(_ cells: [RegistryColumn: String], full: Bool) -> [RegistryColumn: String] {
        guard !full else { return cells }
        var shown = cells
        for (column, value) in cells {
            if let field = PersonalDataField(column: column) {
                shown[column] = PersonalDataMask.masked(value, as: field)
            }
        }
        return shown
    }

    /// The edits without the personal fields that came back exactly as they were shown masked: those keep their
    /// stored values. A retyped value replaces the stored one like any edit.
    static func keepingMasked(
        _ edits: [RegistryColumn: String], stored: [RegistryColumn: String], full: Bool
    ) -> [RegistryColumn: String] {
        guard !full else { return edits }
        return edits.filter { column, value in
            guard let field = PersonalDataField(column: column), let original = stored[column], !original.isEmpty else {
                return true
            }
            return value.trimmingCharacters(in: .whitespaces) != PersonalDataMask.masked(original, as: field)
        }
    }

    /// The member columns a user edits: all of them, except health and disability on an existing member for a role
    /// that may not see them.
    static func memberColumns(full: Bool, existing: Bool) -> [RegistryColumn] {
        full || !existing
            ? memberColumns
            : memberColumns.filter {
                PersonalDataField(column: $0) != .health && PersonalDataField(column: $0) != .disabilityGrade
            }
    }

    static let maskedIntro = "身份证号、电话、一卡通账号按您的权限脱敏显示，保持原样即不修改；如需更正，请输入完整的新值。健康状况与残疾等级不对您的角色显示，也不能在此修改。"

    /// Logs that a form showed `household`'s personal data in full, as the household page's full view is logged.
    static func recordFullView(of household: Household, form: String, on request: Request) async throws {
        try await AuditLog.record(
            .viewPersonalData, entityType: Household.auditEntityType, entityID: try household.requireID().uuidString,
            areaCode: household.villageCode, summary: "在\(form)中查看完整个人信息（户编号 \(household.householdNumber)）",
            actor: request.auditActor, at: request.now, on: request.db
        )
    }
}
