import Domain
import Fluent
import Foundation
import Vapor

/// 筛查规则版本管理: adopting a proposed version for the user's area (the version of the same rule and scope in force
/// then ends the day before it starts), withdrawing a version that has not started (the one it cut short gets its
/// end back), and ending a version. Web, API and tests call these; every change is audited.
enum ScreeningRuleService {
    struct Proposal: Sendable {
        var kind = ""
        var parameter = ""
        /// As typed: yuan for amounts (`ScreeningParameter.parse(typed:)`).
        var value = ""
        var effectiveFrom = ""
    }

    /// The version a proposal makes: the rule's version in force in the user's area on the start day with one parameter
    /// changed, numbered after every stored version of the rule, scoped to the user's area, open-ended.
    static func proposedVersion(
        _ proposal: Proposal, for user: CurrentUser, today: CivilDate, on database: any Database
    ) async throws -> ScreeningRuleVersion {
        var problems: [FieldProblem] = []
        let kind = ScreeningRuleKind(rawValue: proposal.kind)
        if kind == nil { problems.append(.init(field: "kind", message: "请选择规则。")) }
        let parameter = ScreeningParameter(rawValue: proposal.parameter)
        if let kind, parameter.map({ !kind.parameterNames.contains($0) }) ?? true {
            problems.append(
                .init(
                    field: "parameter",
                    message:
                        "「\(kind.label)」没有这个参数，可调整：\(kind.parameterNames.map(\.typedLabel).joined(separator: "、"))。"))
        }
        let value = parameter?.parse(typed: proposal.value)
        if let parameter, value.map({ !parameter.allowedRange.contains($0) }) ?? true {
            problems.append(.init(field: "value", message: "\(parameter.typedLabel)应在 \(parameter.typedRange) 之间。"))
        }
        let from = CivilDate(proposal.effectiveFrom.trimmingCharacters(in: .whitespaces))
        if from == nil { problems.append(.init(field: "effective_from", message: "请填写生效日期（YYYY-MM-DD）。")) }
        if let from, from < today {
            problems.append(.init(field: "effective_from", message: "生效日期不能早于今天：已经筛查过的日子不改规则。"))
        }
        guard problems.isEmpty, let kind, let parameter, let value, let from else {
            throw ValidationFailure(problems: problems)
        }
        let stored = try await ScreeningRuleRecord.query(on: database).filter(\.$kind == kind.rawValue).all()
        let inForce = try await DiscoveryConfiguration.rules(on: database).inForce(for: user.scope.root, on: from).first
        { $0.kind == kind }
        var parameters = inForce?.parameters ?? ScreeningRuleSet.seeded.first { $0.kind == kind }?.parameters ?? [:]
        parameters[parameter.rawValue] = value
        return ScreeningRuleVersion(
            kind: kind, version: (stored.map(\.version).max() ?? 0) + 1, parameters: parameters,
            effective: ValidityPeriod(from: from, to: nil), scope: user.scope.root, enabled: true)
    }

    static func adopt(
        _ proposal: Proposal, by user: CurrentUser, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws -> ScreeningRuleRecord {
        try user.require(.runScreening)
        let version = try await proposedVersion(proposal, for: user, today: ChinaTime.civilDate(of: now), on: database)
        let record = ScreeningRuleRecord(version, note: "由 \(user.displayName) 启用", createdBy: user.username)
        record.id = UUID()
        try await database.transaction { database in
            let sameScope = try await ScreeningRuleRecord.query(on: database).filter(\.$kind == version.kind.rawValue)
                .filter(\.$withdrawnAt == nil).all().filter { $0.scopeCode == version.scope?.value }
            let periods = sameScope.compactMap { row in
                row.id.map {
                    EffectiveSuccession.Period(
                        id: $0, from: row.effectiveFrom.flatMap(CivilDate.init),
                        to: row.effectiveTo.flatMap(CivilDate.init))
                }
            }
            guard let start = version.effective.from else { return }
            let endings: [UUID: CivilDate]
            switch EffectiveSuccession.endings(of: periods, forNewStartingOn: start) {
            case let .failure(error):
                throw ValidationFailure(problems: [.init(field: "effective_from", message: error.message)])
            case let .success(found): endings = found
            }
            try await record.create(on: database)
            for row in sameScope {
                guard let id = row.id, let lastDay = endings[id] else { continue }
                row.formerEffectiveTo = row.effectiveTo
                row.effectiveTo = lastDay.description
                row.supersededBy = record.id
                try await row.save(on: database)
                try await AuditLog.record(
                    .update, entityType: "screening_rule", entityID: id.uuidString, areaCode: row.scopeCode,
                    summary: "筛查规则 \(version.kind.label) 第 \(row.version) 版由第 \(version.version) 版接续，最后生效日 \(lastDay)",
                    before: ["effective_to": row.formerEffectiveTo ?? ""], after: ["effective_to": lastDay.description],
                    actor: actor, at: now, on: database)
            }
            try await AuditLog.record(
                .create, entityType: "screening_rule", entityID: try record.requireID().uuidString,
                areaCode: record.scopeCode,
                summary: "启用筛查规则 \(version.kind.label) 第 \(version.version) 版（自 \(start) 起）",
                after: [
                    "parameters": describe(version), "effective_from": start.description,
                    "scope": record.scopeCode ?? "",
                ],
                actor: actor, at: now, on: database)
        }
        return record
    }

    /// Withdraws a version that has not started yet; the versions its adoption cut short get their former end back.
    static func withdraw(
        _ id: UUID, by user: CurrentUser, actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws {
        try user.require(.runScreening)
        let record = try await ownRecord(id, of: user, on: database)
        let today = ChinaTime.civilDate(of: now)
        guard let from = record.effectiveFrom.flatMap(CivilDate.init), from > today else {
            throw ValidationFailure(problems: [
                .init(field: "rule", message: "第 \(record.version) 版已开始生效，不能撤回；请填写最后生效日结束它。")
            ])
        }
        try await database.transaction { database in
            record.withdrawnAt = now
            record.withdrawnBy = user.username
            try await record.save(on: database)
            for earlier in try await ScreeningRuleRecord.query(on: database).filter(\.$supersededBy == id).all() {
                let before = earlier.effectiveTo ?? ""
                earlier.effectiveTo = earlier.formerEffectiveTo
                earlier.formerEffectiveTo = nil
                earlier.supersededBy = nil
                try await earlier.save(on: database)
                try await AuditLog.record(
                    .update, entityType: "screening_rule", entityID: try earlier.requireID().uuidString,
                    areaCode: earlier.scopeCode,
                    summary: "第 \(record.version) 版撤回，第 \(earlier.version) 版恢复原生效期", before: ["effective_to": before],
                    after: ["effective_to": earlier.effectiveTo ?? ""], actor: actor, at: now, on: database)
            }
            try await AuditLog.record(
                .update, entityType: "screening_rule", entityID: id.uuidString, areaCode: record.scopeCode,
                summary: "撤回筛查规则 \(record.ruleKind?.label ?? record.kind) 第 \(record.version) 版",
                before: ["withdrawn": "否"], after: ["withdrawn": "是"], actor: actor, at: now, on: database)
        }
    }

    /// Ends a version on `lastDay`, which may be neither before it starts nor before yesterday.
    static func end(
        _ id: UUID, lastDay text: String, by user: CurrentUser, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws {
        try user.require(.runScreening)
        let record = try await ownRecord(id, of: user, on: database)
        let today = ChinaTime.civilDate(of: now)
        guard let lastDay = CivilDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationFailure(problems: [.init(field: "last_day", message: "请填写最后生效日期（YYYY-MM-DD）。")])
        }
        if let from = record.effectiveFrom.flatMap(CivilDate.init), lastDay < from {
            throw ValidationFailure(problems: [.init(field: "last_day", message: "最后生效日期不能早于生效日期 \(from)；尚未生效的版本请撤回。")])
        }
        if lastDay < today.adding(days: -1) {
            throw ValidationFailure(problems: [.init(field: "last_day", message: "最后生效日期不能早于昨天：已经筛查过的日子不改规则。")])
        }
        let before = record.effectiveTo ?? ""
        try await database.transaction { database in
            record.effectiveTo = lastDay.description
            try await record.save(on: database)
            try await AuditLog.record(
                .update, entityType: "screening_rule", entityID: id.uuidString, areaCode: record.scopeCode,
                summary: "结束筛查规则 \(record.ruleKind?.label ?? record.kind) 第 \(record.version) 版（最后生效日 \(lastDay)）",
                before: ["effective_to": before], after: ["effective_to": lastDay.description], actor: actor, at: now,
                on: database)
        }
    }

    /// A version the user may change: one scoped to the user's own area or inside it, never a wider one.
    private static func ownRecord(
        _ id: UUID, of user: CurrentUser, on database: any Database
    ) async throws -> ScreeningRuleRecord {
        guard let record = try await ScreeningRuleRecord.find(id, on: database),
            let scope = record.scopeCode.flatMap(AreaCode.init), user.scope.includes(scope)
        else {
            throw AppError.localRuleVersionNotFound
        }
        guard record.withdrawnAt == nil else {
            throw ValidationFailure(problems: [.init(field: "rule", message: "第 \(record.version) 版已撤回，无需再处理。")])
        }
        return record
    }

    /// The parameters as a person reads them: 「金额阈值（元）50000.00 元；统计月数 12」.
    static func describe(_ version: ScreeningRuleVersion) -> String {
        version.parameters.sorted { $0.key < $1.key }.map { key, value in
            guard let parameter = ScreeningParameter(rawValue: key) else { return "\(key) \(value)" }
            return "\(parameter.typedLabel) \(parameter.display(value))"
        }.joined(separator: "；")
    }
}
