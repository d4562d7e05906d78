import Domain
import Fluent
import Vapor

/// The registry operations of the web pages, for API clients: import, export, data quality, and a household's
/// income, visits and guarantee assessments. The same checks and the same audit trail.
struct RegistryAPIController {
    func upload(_ request: Request) async throws -> API.ImportBatchItem {
        let user = try request.requireUser(holding: .importRegistry)
        guard let fileName = try? request.query.get(String.self, at: "filename"), !fileName.isEmpty else {
            throw AppError.fileNameMissing
        }
        guard let body = request.body.data, body.readableBytes > 0 else { throw AppError.emptyBody }
        let batch = try await RegistryImportService.check(
            Data(buffer: body), fileName: fileName, user: user,
            dataDirectory: request.application.settings.dataDirectory, today: request.today,
            actor: request.auditActor, at: request.now, on: request.db)
        return try API.ImportBatchItem(batch)
    }

    func show(_ request: Request) async throws -> API.ImportBatchItem {
        try API.ImportBatchItem(try await batch(request, asPreview: true))
    }

    func commit(_ request: Request) async throws -> API.ImportBatchItem {
        let user = try request.requireUser()
        let batch = try await batch(request)
        try await RegistryImportService.commit(
            batch, user: user, today: request.today, actor: request.auditActor, at: request.now, on: request.db)
        return try API.ImportBatchItem(batch)
    }

    func quality(_ request: Request) async throws -> API.QualityReport {
        let user = try request.requireUser()
        let scope = try DataQualityService.reportScope(for: user, area: try? request.query.get(String.self, at: "area"))
        let report = try await DataQualityService.report(
            in: scope, rule: nil, keeping: 1_000, today: request.today, on: request.db)
        return API.QualityReport(
            counts: Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) }),
            total: report.total,
            findings: report.findings.map {
                .init(
                    householdID: $0.householdID, householdNumber: $0.householdNumber, rule: $0.finding.rule.rawValue,
                    ruleLabel: $0.finding.rule.label, memberName: $0.finding.memberName, detail: $0.finding.detail)
            })
    }

    func income(_ request: Request) async throws -> API.IncomeItem {
        let (user, household) = try await request.household(for: .editRegistry)
        let body = try request.content.decode(API.IncomeRequest.self)
        var amounts: [IncomeField: String] = [:]
        for (key, value) in body.amounts {
            guard let field = IncomeField(rawValue: key) else {
                throw ValidationFailure(problems: [.init(field: key, message: "未知的收支项目「\(key)」。")])
            }
            amounts[field] = value
        }
        let record = try await RegistryRecordService.recordIncome(
            year: body.year, amounts: amounts, household: household, user: user,
            today: request.today, actor: request.auditActor, at: request.now, on: request.db)
        return API.IncomeItem(
            periodStart: record.periodStart, periodEnd: record.periodEnd, netIncome: record.netIncome,
            perCapitaNet: record.perCapitaNet, memberCount: record.memberCount)
    }

    func visit(_ request: Request) async throws -> API.VisitItem {
        let (user, household) = try await request.household(for: .reportRisks)
        let body = try request.content.decode(API.VisitRequest.self)
        let visit = try await RegistryRecordService.recordVisit(
            visitedOn: body.visitedOn, findings: body.findings, risks: body.risks ?? [], riskNote: body.riskNote ?? "",
            household: household, user: user, today: request.today, actor: request.auditActor, at: request.now,
            calendar: request.application.workingDayCalendar, on: request.db
        )
        return API.VisitItem(
            id: try visit.requireID(), visitedOn: visit.visitedOn, visitorName: visit.visitorName,
            findings: visit.findings,
            risks: visit.risks.split(separator: ",").map(String.init), riskNote: visit.riskNote)
    }

    func guarantee(_ request: Request) async throws -> API.GuaranteeItem {
        let (user, household) = try await request.household(for: .editRegistry)
        let body = try request.content.decode(API.GuaranteeRequest.self)
        let record = try await RegistryRecordService.recordGuarantee(
            kind: try RegistryRecordService.guaranteeKind(from: body.kind), assessedOn: body.assessedOn,
            secured: body.secured,
            housingGrade: body.housingGrade ?? "", water: body.water, note: body.note ?? "", household: household,
            user: user,
            today: request.today, actor: request.auditActor, at: request.now, on: request.db
        )
        return API.GuaranteeItem(
            id: try record.requireID(), kind: record.kind, assessedOn: record.assessedOn, secured: record.secured,
            housingGrade: record.housingGrade, note: record.note)
    }

    /// A batch of the caller's area; opened `asPreview` (its rows and problems shown), the view is audited.
    private func batch(_ request: Request, asPreview: Bool = false) async throws -> ImportBatch {
        let user = try request.requireUser(holding: .importRegistry)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        if asPreview {
            return try await RegistryImportService.openPreview(
                batch, user: user, actor: request.auditActor, at: request.now, on: request.db)
        }
        return batch
    }
}
