import Domain
import Fluent
import Vapor

/// 筛查 (web): the rules in force with their versions, runs on demand, and the dry run of a rule change that shows,
/// per village, what it would raise before anyone switches it on.
struct ScreeningController {
    func index(_ request: Request) async throws -> Response {
        let user = try Self.requireReader(request)
        return .html(try await page(user: user, request: request, problems: [], proposal: nil))
    }

    /// Screens the user's whole area now and files the leads.
    func run(_ request: Request) async throws -> Response {
        let user = try Self.requireRunner(request)
        let run = try await ScreeningService.run(scope: user.scope, dryRun: false, triggeredBy: user.username, at: request.now,
                                                 calendar: request.application.workingDayCalendar, on: request.db)
        try await AuditLog.record(.create, entityType: "screening_run", entityID: run.id?.uuidString ?? "", areaCode: user.areaCode.value,
                                  summary: "执行筛查：\(run.households) 户，命中 \(run.hits) 次，新线索 \(run.newLeads) 条", actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: "/screening/runs/\(try run.requireID().uuidString.lowercased())")
    }

    func showRun(_ request: Request) async throws -> Response {
        let user = try Self.requireReader(request)
        guard let run = try await ScreeningRun.find(request.parameters.get("id", as: UUID.self), on: request.db),
              let code = AreaCode(run.areaCode), user.scope.includes(code) else { throw Abort(.notFound, reason: "未找到该筛查批次。") }
        let names = try await AreaDirectory.names(of: Array(run.perVillage.keys), on: request.db)
        return .html(ScreeningPages.run(user: user, run: run, villageNames: names))
    }

    /// Dry run of a proposed version: the stored rules with one rule's parameter changed for the user's area.
    func dryRun(_ request: Request) async throws -> Response {
        let user = try Self.requireRunner(request)
        let proposal = ScreeningPages.Proposal(kind: request.formText("kind"), parameter: request.formText("parameter"),
                                               value: request.formText("value"), effectiveFrom: request.formText("effective_from"))
        let version: ScreeningRuleVersion
        do { version = try await Self.proposedVersion(proposal, user: user, on: request) } catch let failure as ValidationFailure {
            return .html(try await page(user: user, request: request, problems: failure.problems, proposal: proposal), status: .unprocessableEntity)
        }
        let stored = try await ScreeningRuleRecord.query(on: request.db).all().compactMap(\.ruleVersion)
        let calendar = request.application.workingDayCalendar
        let dryNow = ChinaTime.startOfDay(version.effective.from ?? request.today).addingTimeInterval(12 * 3600)
        let baseline = try await ScreeningService.run(scope: user.scope, rules: stored, dryRun: true, triggeredBy: "\(user.username)（现行规则对照）",
                                                      at: max(dryNow, request.now), calendar: calendar, on: request.db)
        let trial = try await ScreeningService.run(scope: user.scope, rules: stored + [version], dryRun: true,
                                                   triggeredBy: "\(user.username)（试算 \(version.kind.label) 第 \(version.version) 版）",
                                                   at: max(dryNow, request.now), calendar: calendar, on: request.db)
        let names = try await AreaDirectory.names(of: Array(Set(trial.perVillage.keys).union(baseline.perVillage.keys)), on: request.db)
        return .html(ScreeningPages.comparison(user: user, kind: version.kind, version: version, baseline: baseline, trial: trial, villageNames: names, proposal: proposal))
    }

    /// Switches a proposed version on for the user's area.
    func adopt(_ request: Request) async throws -> Response {
        let user = try Self.requireRunner(request)
        let proposal = ScreeningPages.Proposal(kind: request.formText("kind"), parameter: request.formText("parameter"),
                                               value: request.formText("value"), effectiveFrom: request.formText("effective_from"))
        let version = try await Self.proposedVersion(proposal, user: user, on: request)
        let record = ScreeningRuleRecord(version, note: "由 \(user.displayName) 启用", createdBy: user.username)
        try await request.db.transaction { database in
            try await record.create(on: database)
            try await AuditLog.record(.create, entityType: "screening_rule", entityID: "\(version.kind.rawValue)#\(version.version)", areaCode: user.areaCode.value,
                                      summary: "启用筛查规则 \(version.kind.label) 第 \(version.version) 版", after: ["parameters": record.parametersJSON, "effective_from": record.effectiveFrom ?? "", "scope": record.scopeCode ?? ""],
                                      actor: request.auditActor, at: request.now, on: database)
        }
        return request.redirect(to: "/screening")
    }

    static func proposedVersion(_ proposal: ScreeningPages.Proposal, user: CurrentUser, on request: Request) async throws -> ScreeningRuleVersion {
        var problems: [FieldProblem] = []
        let kind = ScreeningRuleKind(rawValue: proposal.kind)
        if kind == nil { problems.append(.init(field: "kind", message: "请选择规则。")) }
        let parameter = ScreeningParameter(rawValue: proposal.parameter)
        if let kind, parameter == nil || !(kind.parameterNames.contains(parameter ?? .windowMonths)) {
            problems.append(.init(field: "parameter", message: "「\(kind.label)」没有这个参数。"))
        }
        let value = Int64(proposal.value.trimmingCharacters(in: .whitespaces))
        if let parameter, value.map({ !parameter.allowedRange.contains($0) }) ?? true {
            problems.append(.init(field: "value", message: "\(parameter.label)应为 \(parameter.allowedRange.lowerBound)–\(parameter.allowedRange.upperBound) 之间的整数。"))
        }
        let from = CivilDate(proposal.effectiveFrom.trimmingCharacters(in: .whitespaces))
        if from == nil { problems.append(.init(field: "effective_from", message: "请填写生效日期（YYYY-MM-DD）。")) }
        guard problems.isEmpty, let kind, let parameter, let value, let from else { throw ValidationFailure(problems: problems) }
        let stored = try await ScreeningRuleRecord.query(on: request.db).filter(\.$kind == kind.rawValue).all()
        let base = ScreeningRuleSet.seeded.first { $0.kind == kind }
        var parameters = stored.compactMap(\.ruleVersion).filter { $0.effective.contains(from) && ($0.scope.map(user.scope.root.contains) ?? true) }
            .max { $0.version < $1.version }?.parameters ?? base?.parameters ?? [:]
        parameters[parameter.rawValue] = value
        return ScreeningRuleVersion(kind: kind, version: (stored.map(\.version).max() ?? 0) + 1, parameters: parameters,
                                    effective: ValidityPeriod(from: from, to: nil), scope: user.scope.root, enabled: true)
    }

    private func page(user: CurrentUser, request: Request, problems: [FieldProblem], proposal: ScreeningPages.Proposal?) async throws -> String {
        let records = try await ScreeningRuleRecord.query(on: request.db).sort(\.$kind).sort(\.$version).all()
            .filter { record in record.scopeCode.flatMap(AreaCode.init).map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? true }
        let runs = try await ScreeningRun.query(on: request.db).sort(\.$startedAt, .descending).limit(100).all()
            .filter { AreaCode($0.areaCode).map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? false }
        return ScreeningPages.index(user: user, records: records, runs: Array(runs.prefix(20)), problems: problems, proposal: proposal, today: request.today,
                                    canRun: Self.runners.contains(user.role))
    }

    static let runners: Set<Role> = [.admin, .county]

    static func requireReader(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard Self.runners.contains(user.role) || user.role == .supervisor else { throw Abort(.forbidden, reason: "只有县级部门、督导和管理员可以查看筛查。") }
        return user
    }

    static func requireRunner(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard Self.runners.contains(user.role) else { throw Abort(.forbidden, reason: "只有县级部门和管理员可以执行筛查或调整规则。") }
        return user
    }
}

extension ScreeningRun {
    var perVillage: [String: [String: Int]] {
        (try? JSONDecoder().decode([String: [String: Int]].self, from: Data(summaryJSON.utf8))) ?? [:]
    }
}
