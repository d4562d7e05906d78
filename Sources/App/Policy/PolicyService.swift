import Domain
import Fluent
import Foundation
import Vapor

/// 政策参数管理: the dated, scoped policy rows every computation reads — the monitoring line (监测线) and the lead
/// deadlines with their quiet period (线索办理时限) — kept by administrators, each row with its source and each change
/// audited. A new row of a scope ends the one in force there the day before it starts (`EffectiveSuccession`).
/// The web page and the API call these use cases with the actor, the time and the database made explicit.
enum PolicyService {
    /// 政策参数
    enum Parameter: String, CaseIterable, Sendable {
        case monitoringLine
        case leadDeadlines

        var label: String {
            switch self {
            case .monitoringLine: "监测线"
            case .leadDeadlines: "线索办理时限"
            }
        }

        /// The parameter's segment in paths: `/admin/policy/monitoring-lines`, `/api/v1/policy/lead-deadlines`.
        var pathSegment: String {
            switch self {
            case .monitoringLine: "monitoring-lines"
            case .leadDeadlines: "lead-deadlines"
            }
        }

        /// The page's route that ends one row of this parameter.
        var endRoute: SiteRoute {
            switch self {
            case .monitoringLine: .policyMonitoringLineEnd
            case .leadDeadlines: .policyLeadDeadlineEnd
            }
        }

        init?(pathSegment: String) {
            guard let found = Self.allCases.first(where: { $0.pathSegment == pathSegment }) else { return nil }
            self = found
        }

        var auditEntityType: String {
            switch self {
            case .monitoringLine: "monitoring_line"
            case .leadDeadlines: "lead_deadline_policy"
            }
        }
    }

    /// The period and scope of a new row as typed: a scope code (empty for national), dates as YYYY-MM-DD.
    struct RowInput: Sendable {
        var scope = ""
        var from = ""
        var to = ""
        var source = ""
    }

    /// A row as it is listed and answered by the API.
    struct Row: Sendable, Content {
        let id: UUID
        let parameter: String
        let scope: String?
        let scopeName: String
        let effectiveFrom: String
        let effectiveTo: String?
        /// The value in words, e.g. 「8000.00 元/人·年」.
        let value: String
        let source: String
        let createdBy: String?
        let inForceToday: Bool
    }

    struct Actor: Sendable {
        let user: CurrentUser
        let audit: AuditLog.Actor
    }

    static func requireAdministrator(_ user: CurrentUser) throws {
        try user.require(.administerPolicy)
    }

    /// The rows a user may see: national ones, those of the scopes above the user's area, and those inside it.
    static func rows(
        _ parameter: Parameter, for user: CurrentUser, today: CivilDate, on database: any Database
    ) async throws -> [Row] {
        let visible = { (scope: String?) in
            scope.flatMap(AreaCode.init).map { user.scope.includes($0) || $0.contains(user.scope.root) } ?? true
        }
        let rows: [(id: UUID?, scope: String?, from: String, to: String?, value: String, source: String, by: String?)]
        switch parameter {
        case .monitoringLine:
            rows = try await MonitoringLineRecord.query(on: database).all().map {
                (
                    $0.id, $0.scopeCode, $0.effectiveFrom, $0.effectiveTo, "\(Money(fen: $0.amount)) 元/人·年", $0.source,
                    $0.createdBy
                )
            }
        case .leadDeadlines:
            rows = try await LeadDeadlinePolicyRecord.query(on: database).all().map {
                (
                    $0.id, $0.scopeCode, $0.effectiveFrom, $0.effectiveTo,
                    $0.row.map { describe($0.value) } ?? "（无法读取）", $0.source, $0.createdBy
                )
            }
        }
        let shown = rows.filter { visible($0.scope) }
        let names = try await AreaDirectory.names(of: shown.compactMap(\.scope), on: database)
        return shown.compactMap { row in
            guard let id = row.id else { return nil }
            let from = CivilDate(row.from), to = row.to.flatMap(CivilDate.init)
            return Row(
                id: id, parameter: parameter.rawValue, scope: row.scope,
                scopeName: row.scope.map { names[$0] ?? $0 } ?? "全国",
                effectiveFrom: row.from, effectiveTo: row.to, value: row.value, source: row.source, createdBy: row.by,
                inForceToday: from.map { $0 <= today && (to.map { today <= $0 } ?? true) } ?? false)
        }.sorted { ($0.scope ?? "", $0.effectiveFrom) < ($1.scope ?? "", $1.effectiveFrom) }
    }

    /// The lead policy in force for the user's own area today: what the form starts from.
    static func leadPolicyInForce(
        for user: CurrentUser, today: CivilDate, on database: any Database
    ) async throws -> LeadDeadlinePolicy? {
        try await LeadPolicies.table(on: database).value(at: user.scope.root, on: today)
    }

    static func describe(_ policy: LeadDeadlinePolicy) -> String {
        let channels = LeadChannel.allCases.compactMap { channel -> String? in
            guard let limits = policy.channels[channel] else { return nil }
            let total = limits.total.map { "全程\($0.text)；" } ?? ""
            return "\(channel.label)：\(total)村\(limits.village.text)、乡\(limits.township.text)、县\(limits.county.text)"
        }
        let quiet = policy.quietPeriodDays.map { "复发静默期 \($0) 天" } ?? "数值不变不再提示"
        return channels.joined(separator: "；")
            + "。剩余不足 \(Int((policy.dueSoonFraction * 100).rounded()))% 或 \(policy.dueSoonHours) 小时提示即将到期；\(quiet)。"
    }

    /// The lead policy as typed into the form or sent to the API, read through `typed`: per channel 「5工作日」-style
    /// limits in `<channel>_total` (may be empty), `_village`, `_township`, `_county`; the warning share in percent
    /// (`due_soon_percent`) and hours (`due_soon_hours`); the quiet period in days (`quiet_days`, empty: never while the
    /// values stay the same).
    static func leadPolicy(_ typed: (String) -> String) throws -> LeadDeadlinePolicy {
        var problems: [FieldProblem] = []
        var channels: [LeadChannel: LeadChannelDeadlines] = [:]
        func rule(_ field: String, _ label: String) -> DeadlineRule? {
            let text = typed(field)
            guard let rule = DeadlineRule(text: text) else {
                problems.append(.init(field: field, message: "\(label)应写成「5工作日」「24小时」「10自然日」，实际为「\(text)」。"))
                return nil
            }
            return rule
        }
        for channel in LeadChannel.allCases {
            let totalText = typed("\(channel.rawValue)_total").trimmingCharacters(in: .whitespaces)
            let total = totalText.isEmpty ? nil : rule("\(channel.rawValue)_total", "「\(channel.label)」全程时限")
            guard let village = rule("\(channel.rawValue)_village", "「\(channel.label)」村级时限"),
                let township = rule("\(channel.rawValue)_township", "「\(channel.label)」乡镇时限"),
                let county = rule("\(channel.rawValue)_county", "「\(channel.label)」县级时限")
            else { continue }
            if !totalText.isEmpty, total == nil { continue }
            channels[channel] = LeadChannelDeadlines(total: total, village: village, township: township, county: county)
        }
        let percent = Int(typed("due_soon_percent").trimmingCharacters(in: .whitespaces))
        if percent == nil { problems.append(.init(field: "due_soon_percent", message: "即将到期提示比例应为 1–99 的整数（%）。")) }
        let hours = Int(typed("due_soon_hours").trimmingCharacters(in: .whitespaces))
        if hours == nil { problems.append(.init(field: "due_soon_hours", message: "即将到期提示小时数应为 0–240 的整数。")) }
        let quietText = typed("quiet_days").trimmingCharacters(in: .whitespaces)
        let quiet = quietText.isEmpty ? nil : Int(quietText)
        if !quietText.isEmpty, quiet == nil { problems.append(.init(field: "quiet_days", message: "复发静默期应为天数，或留空。")) }
        guard problems.isEmpty, let percent, let hours else { throw ValidationFailure(problems: problems) }
        return LeadDeadlinePolicy(
            channels: channels, dueSoonFraction: Double(percent) / 100, dueSoonHours: hours, quietPeriodDays: quiet)
    }

    // MARK: adding rows

    static func addMonitoringLine(
        _ input: RowInput, amountYuan: String, by actor: Actor, at now: Date,
        on database: any Database
    ) async throws -> MonitoringLineRecord {
        var problems: [FieldProblem] = []
        let amount = Money(parsing: amountYuan.trimmingCharacters(in: .whitespaces))
        if amount.map({ $0.fen < 100_000 || $0.fen > 10_000_000 }) ?? true {
            problems.append(.init(field: "amount", message: "监测线应为 1000–100000 元之间的金额（元/人·年），如 7600 或 7600.50。"))
        }
        let period = try await checkedPeriod(input, by: actor.user, problems: &problems, on: database)
        guard problems.isEmpty, let amount, let period else { throw ValidationFailure(problems: problems) }
        let record = MonitoringLineRecord()
        record.scopeCode = period.scope?.value
        record.effectiveFrom = period.from.description
        record.effectiveTo = period.to?.description
        record.amount = amount.fen
        record.source = period.source
        record.createdBy = actor.user.username
        try await insert(
            record, parameter: .monitoringLine, from: period.from,
            summary: "新增监测线 \(amount) 元/人·年（\(period.scopeName)，自 \(period.from) 起）", after: snapshot(record),
            actor: actor, at: now, on: database)
        return record
    }

    static func addLeadPolicy(
        _ input: RowInput, policy: LeadDeadlinePolicy, by actor: Actor, at now: Date,
        on database: any Database
    ) async throws -> LeadDeadlinePolicyRecord {
        var problems = policy.problems
        let period = try await checkedPeriod(input, by: actor.user, problems: &problems, on: database)
        guard problems.isEmpty, let period else { throw ValidationFailure(problems: problems) }
        let record = LeadDeadlinePolicyRecord(
            EffectiveDated(scope: period.scope, effectiveFrom: period.from, effectiveTo: period.to, value: policy),
            source: period.source, createdBy: actor.user.username)
        try await insert(
            record, parameter: .leadDeadlines, from: period.from,
            summary: "新增线索办理时限（\(period.scopeName)，自 \(period.from) 起）",
            after: [
                "effective_from": record.effectiveFrom, "effective_to": record.effectiveTo ?? "",
                "value": describe(policy),
                "source": record.source,
            ],
            actor: actor, at: now, on: database)
        return record
    }

    /// Ends a row on `lastDay` (the last day it is in force), which may not be before it starts nor before yesterday:
    /// the days already screened and handled under a row stay as they were.
    static func endRow(
        _ parameter: Parameter, id: UUID, lastDay text: String, by actor: Actor, at now: Date, on database: any Database
    ) async throws {
        let today = ChinaTime.civilDate(of: now)
        let row: any PolicyRowRecord =
            switch parameter {
            case .monitoringLine: try await MonitoringLineRecord.find(id, on: database).orNotFound()
            case .leadDeadlines: try await LeadDeadlinePolicyRecord.find(id, on: database).orNotFound()
            }
        guard
            row.scopeCode.flatMap(AreaCode.init).map(actor.user.scope.includes)
                ?? (actor.user.scope.householdFilter == .everything)
        else {
            throw AppError.recordNotFound
        }
        guard let lastDay = CivilDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationFailure(problems: [.init(field: "last_day", message: "请填写最后生效日期（YYYY-MM-DD）。")])
        }
        let from = CivilDate(row.effectiveFrom) ?? lastDay
        if lastDay < from || lastDay < today.adding(days: -1) {
            throw ValidationFailure(problems: [
                .init(field: "last_day", message: "最后生效日期不能早于生效日期 \(from)，也不能早于昨天：已按该记录办理的日子不改。")
            ])
        }
        let before = row.effectiveTo ?? ""
        try await database.transaction { database in
            try await row.setEffectiveTo(lastDay.description, on: database)
            try await AuditLog.record(
                .update, entityType: parameter.auditEntityType, entityID: id.uuidString, areaCode: row.scopeCode,
                summary: "结束\(parameter.label)（最后生效日 \(lastDay)）", before: ["effective_to": before],
                after: ["effective_to": lastDay.description], actor: actor.audit, at: now, on: database)
        }
    }

    // MARK: shared checks

    private struct Period {
        let scope: AreaCode?
        let scopeName: String
        let from: CivilDate
        let to: CivilDate?
        let source: String
    }

    /// The scope (inside the administrator's own area, a province, city or county that exists; national only for a
    /// national administrator), the dates and the source, or the problems with them.
    private static func checkedPeriod(
        _ input: RowInput, by user: CurrentUser, problems: inout [FieldProblem],
        on database: any Database
    ) async throws -> Period? {
        try requireAdministrator(user)
        let scopeText = input.scope.trimmingCharacters(in: .whitespaces)
        var scope: AreaCode?
        var scopeName = "全国"
        if scopeText.isEmpty {
            if user.scope.householdFilter != .everything {
                problems.append(.init(field: "scope", message: "只有全国管理员可以设置全国的政策参数，请填写本辖区的省、市或县代码。"))
            }
        } else if let code = AreaCode(AreaCode.padded(scopeText)), [.province, .city, .county].contains(code.level),
            user.scope.includes(code), let area = try await AreaDirectory.area(code.value, on: database)
        {
            scope = code
            scopeName = area.name
        } else {
            problems.append(.init(field: "scope", message: "适用范围 \(scopeText) 应为本辖区内已有的省、市或县代码。"))
        }
        let from = CivilDate(input.from.trimmingCharacters(in: .whitespaces))
        if from == nil { problems.append(.init(field: "from", message: "请填写生效日期（YYYY-MM-DD）。")) }
        let toText = input.to.trimmingCharacters(in: .whitespaces)
        let to = toText.isEmpty ? nil : CivilDate(toText)
        if !toText.isEmpty, to == nil { problems.append(.init(field: "to", message: "截止日期应为 YYYY-MM-DD，或留空。")) }
        if let from, let to, to < from { problems.append(.init(field: "to", message: "截止日期 \(to) 早于生效日期 \(from)。")) }
        let source = input.source.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.isEmpty { problems.append(.init(field: "source", message: "请填写依据（文件名称和文号）。")) }
        if source.count > 300 { problems.append(.init(field: "source", message: "依据不能超过 300 字。")) }
        guard let from else { return nil }
        return Period(scope: scope, scopeName: scopeName, from: from, to: to, source: source)
    }

    /// Writes a new row in one transaction, after ending the row of its scope in force on its first day; audited.
    private static func insert<Record: PolicyRowRecord>(
        _ record: Record, parameter: Parameter, from: CivilDate, summary: String,
        after: AuditSnapshot, actor: Actor, at now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            let existing = try await Record.query(on: database).all().filter { $0.scopeCode == record.scopeCode }
            try await succeed(existing, parameter: parameter, from: from, actor: actor, at: now, on: database)
            try await record.create(on: database)
            try await AuditLog.record(
                .create, entityType: parameter.auditEntityType, entityID: try record.requireID().uuidString,
                areaCode: record.scopeCode, summary: summary, after: after, actor: actor.audit, at: now, on: database)
        }
    }

    /// Ends, the day before `from`, the rows of the same scope still in force then; refuses when one starts later.
    private static func succeed(
        _ existing: [any PolicyRowRecord], parameter: Parameter, from: CivilDate, actor: Actor, at now: Date,
        on database: any Database
    ) async throws {
        let periods = existing.compactMap { row in
            row.id.map {
                EffectiveSuccession.Period(
                    id: $0, from: CivilDate(row.effectiveFrom), to: row.effectiveTo.flatMap(CivilDate.init))
            }
        }
        switch EffectiveSuccession.endings(of: periods, forNewStartingOn: from) {
        case let .failure(error):
            throw ValidationFailure(problems: [.init(field: "from", message: error.message)])
        case let .success(endings):
            for row in existing {
                guard let id = row.id, let lastDay = endings[id] else { continue }
                let before = row.effectiveTo ?? ""
                try await row.setEffectiveTo(lastDay.description, on: database)
                try await AuditLog.record(
                    .update, entityType: parameter.auditEntityType, entityID: id.uuidString, areaCode: row.scopeCode,
                    summary: "\(parameter.label)由新记录接续，最后生效日 \(lastDay)", before: ["effective_to": before],
                    after: ["effective_to": lastDay.description], actor: actor.audit, at: now, on: database)
            }
        }
    }

    private static func snapshot(_ line: MonitoringLineRecord) -> AuditSnapshot {
        [
            "scope": line.scopeCode ?? "全国", "effective_from": line.effectiveFrom,
            "effective_to": line.effectiveTo ?? "",
            "amount": Money(fen: line.amount).description, "source": line.source,
        ]
    }
}

/// The columns every policy row has, so that succession and ending are written once for all parameters.
protocol PolicyRowRecord: Model where IDValue == UUID {
    var scopeCode: String? { get }
    var effectiveFrom: String { get }
    var effectiveTo: String? { get set }
}

extension PolicyRowRecord {
    func setEffectiveTo(_ value: String?, on database: any Database) async throws {
        var row = self
        row.effectiveTo = value
        try await row.save(on: database)
    }
}

extension MonitoringLineRecord: PolicyRowRecord {}
extension LeadDeadlinePolicyRecord: PolicyRowRecord {}

extension Optional {
    func orNotFound() throws -> Wrapped {
        guard let self else { throw AppError.recordNotFound }
        return self
    }
}
