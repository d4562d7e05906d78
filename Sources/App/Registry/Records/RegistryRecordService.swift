import Domain
import Fluent
import Vapor

/// The dated records of a household that the web forms and the API both write — a year's income and spending, a
/// visit with the risks it reports, a guarantee assessment — checked by the domain and written with their audit
/// record, with the user, the time and the database given, never a request.
enum RegistryRecordService {
    /// The household's income record of a calendar year, if one exists.
    static func existingIncome(
        year: String, household: Household, on database: any Database
    ) async throws -> IncomeRecord? {
        guard let number = Int(year.trimmingCharacters(in: .whitespaces)), (1000...9999).contains(number) else {
            return nil
        }
        return try await IncomeRecord.query(on: database).filter(\.$household.$id == household.requireID())
            .filter(\.$periodStart == "\(number)-01-01").filter(\.$periodEnd == "\(number)-12-31").first()
    }

    /// Checks and records a year's income and spending; a second entry for the same year corrects the first.
    static func recordIncome(
        year: String, amounts: [IncomeField: String], household: Household, user: CurrentUser, reason: String? = nil,
        today: CivilDate, actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws -> IncomeRecord {
        let householdID = try household.requireID()
        let members = try await Member.query(on: database).filter(\.$household.$id == householdID).filter(
            \.$departedOn == nil
        ).count()
        let entry: IncomeEntry
        switch IncomeEntry.make(year: year, amounts: amounts, members: members, today: today) {
        case let .failure(failure): throw ValidationFailure(problems: failure.problems)
        case let .success(success): entry = success
        }
        return try await database.transaction { database in
            let start = "\(entry.year)-01-01", end = "\(entry.year)-12-31"
            let existing = try await IncomeRecord.query(on: database).filter(\.$household.$id == householdID)
                .filter(\.$periodStart == start).filter(\.$periodEnd == end).first()
            let record = existing ?? IncomeRecord()
            let before = existing?.auditSnapshot
            record.$household.id = householdID
            record.periodStart = start
            record.periodEnd = end
            record.apply(entry, source: "form:\(user.username)")
            try await record.save(on: database)
            try await AuditLog.record(
                before == nil ? .create : .update, entityType: Household.auditEntityType,
                entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary:
                    "\(before == nil ? "登记" : "更正") \(entry.year) 年收支，人均纯收入 \(DisplayFormat.yuan(fen: entry.summary.perCapitaNetIncome.fen))",
                before: before, after: record.auditSnapshot, reason: reason, actor: actor, at: now, on: database
            )
            return record
        }
    }

    /// Checks and records a visit, with the risks it reports.
    static func recordVisit(
        visitedOn: String, findings: String, risks rawRisks: [String], riskNote: String, household: Household,
        user: CurrentUser, today: CivilDate, actor: AuditLog.Actor, at now: Date, calendar: WorkingDayCalendar,
        on database: any Database
    ) async throws -> Visit {
        let risks = rawRisks.compactMap(RiskType.init(rawValue:))
        if risks.count != rawRisks.count {
            throw ValidationFailure(problems: [
                .init(
                    field: "risks",
                    message: "风险类型「\(rawRisks.filter { RiskType(rawValue: $0) == nil }.joined(separator: "、"))」不在代码表中。")
            ])
        }
        let report: VisitReport
        switch VisitReport.make(
            visitedOn: CivilDate(visitedOn.trimmingCharacters(in: .whitespaces)), today: today, findings: findings,
            risks: risks, riskNote: riskNote)
        {
        case let .failure(failure): throw ValidationFailure(problems: failure.problems)
        case let .success(success): report = success
        }
        let householdID = try household.requireID()
        let visit = Visit()
        visit.$household.id = householdID
        visit.visitorID = user.id
        visit.visitorName = user.displayName
        visit.visitorRole = user.role.rawValue
        visit.visitedOn = report.visitedOn.description
        visit.findings = report.findings
        visit.risks = report.risks.map(\.rawValue).joined(separator: ",")
        visit.riskNote = report.riskNote
        try await database.transaction { database in
            try await visit.create(on: database)
            // A risk seen on a visit is a lead at once (grid and cadre channel), merged with any open lead on that risk.
            let visitID = try visit.requireID()
            let signals = report.risks.map { risk in
                LeadSignal(
                    householdID: householdID, villageCode: household.villageCode, riskType: risk,
                    channel: user.role == .grid ? .gridVisit : .cadreVisit,
                    reference: "visit:\(visitID.uuidString.lowercased())",
                    ruleKind: nil, ruleVersion: nil, values: ["走访日期": report.visitedOn.description],
                    message: report.riskNote, reporter: "\(user.displayName)走访",
                    fingerprint: LeadIntake.fingerprint("visit", visitID.uuidString, risk.rawValue))
            }
            _ = try await LeadIntake.receive(
                signals, at: now, policies: try await LeadPolicies.table(on: database), calendar: calendar, on: database
            )
            let riskText = report.risks.isEmpty ? "" : "，报告风险：" + report.risks.map(\.label).joined(separator: "、")
            try await AuditLog.record(
                .create, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary: "登记走访（\(report.visitedOn)）\(riskText)",
                after: [
                    "visited_on": visit.visitedOn, "findings": visit.findings, "risks": visit.risks,
                    "risk_note": visit.riskNote,
                ],
                actor: actor, at: now, on: database
            )
        }
        return visit
    }

    /// Checks and records one dated guarantee assessment.
    static func recordGuarantee(
        kind: GuaranteeKind, assessedOn: String, secured: Bool?, housingGrade: String, water: WaterCriteria?,
        note: String, household: Household, user: CurrentUser, today: CivilDate, actor: AuditLog.Actor,
        at now: Date, on database: any Database
    ) async throws -> GuaranteeRecord {
        var problems: [FieldProblem] = []
        if !housingGrade.isEmpty, HousingSafetyGrade(rawValue: housingGrade) == nil {
            problems.append(.init(field: "housing_grade", message: "住房安全等级「\(housingGrade)」无效，应为 A、B、C 或 D。"))
        }
        let result = GuaranteeAssessment.make(
            kind: kind, assessedOn: CivilDate(assessedOn.trimmingCharacters(in: .whitespaces)), today: today,
            securedByJudgement: secured,
            housingGrade: HousingSafetyGrade(rawValue: housingGrade), water: water,
            note: note.trimmingCharacters(in: .whitespacesAndNewlines)
        )
        let assessment: GuaranteeAssessment
        switch result {
        case let .failure(failure): throw ValidationFailure(problems: problems + failure.problems)
        case let .success(success):
            guard problems.isEmpty else { throw ValidationFailure(problems: problems) }
            assessment = success
        }
        let householdID = try household.requireID()
        let record = GuaranteeRecord(assessment, householdID: householdID, recordedBy: user.username)
        try await database.transaction { database in
            try await record.create(on: database)
            try await AuditLog.record(
                .create, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode,
                summary: "评估\(kind.label)：\(assessment.isSecured ? "达标" : "未达标")（\(assessment.assessedOn)）",
                after: record.auditSnapshot, actor: actor, at: now, on: database
            )
        }
        return record
    }

    /// The guarantee kind a form or request names.
    static func guaranteeKind(from raw: String) throws -> GuaranteeKind {
        guard let kind = GuaranteeKind(rawValue: raw) else { throw AppError.unknownGuaranteeKind(raw) }
        return kind
    }
}
