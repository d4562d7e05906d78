import Domain
import Fluent
import Foundation

/// 部门数据交换: who may send which data, and per data kind whether the area's data came in time; the web page, the
/// API and the command line call these.
enum DepartmentService {
    /// Whether the user may send data of this kind: a department its own kinds, a county or an administrator any.
    static func mayUpload(_ kind: DepartmentEventKind, _ user: CurrentUser) -> Bool {
        user.role.may(.sendDepartmentData) && (user.role != .department || kind.department == user.department)
    }

    struct KindStatus {
        let kind: DepartmentEventKind
        let lastReceived: Date?
        let pattern: ExchangePattern?
        let isLate: Bool
        let canUpload: Bool
    }

    /// Per data kind the user may see: when data last came, the cadence in force for the user's area, and whether it
    /// is late by it (`ExchangePattern.isLate`).
    static func exchangeStatus(
        for user: CurrentUser, at now: Date, on database: any Database
    ) async throws -> (kinds: [KindStatus], batches: [DepartmentBatch]) {
        let kinds = DepartmentEventKind.allCases.filter { user.role != .department || $0.department == user.department }
        var query = ScopedData<DepartmentBatch>(scope: user.scope, database: database).query()
        if user.role == .department, let department = user.department {
            query = query.filter(\.$department == department.rawValue)
        }
        let batches = try await query.sort(\.$receivedAt, .descending).limit(200).all()
        let tables = try await ExchangeSchedule.tables(on: database)
        let today = ChinaTime.civilDate(of: now)
        let status = kinds.filter { !$0.isComparison }.map { kind -> KindStatus in
            let last = batches.first { $0.kind == kind.rawValue && $0.status == "accepted" }?.receivedAt
            let pattern = tables[kind.department.rawValue]?.value(at: user.areaCode, on: today)
            let late = pattern?.isLate(lastReceived: last.map(ChinaTime.civilDate(of:)), today: today) ?? false
            return KindStatus(
                kind: kind, lastReceived: last, pattern: pattern, isLate: late, canUpload: mayUpload(kind, user))
        }
        return (status, batches)
    }

    /// The area a cadence is set for: an administrator names any area or (nothing named) the whole country, nil; a
    /// county always sets its own county's.
    static func cadenceScope(requested: String, for user: CurrentUser) throws -> AreaCode? {
        guard user.role == .admin else { return user.areaCode }
        let text = requested.trimmingCharacters(in: .whitespaces)
        guard text.isEmpty || AreaCode(text) != nil else { throw AppError.malformedAreaCode("") }
        return AreaCode(text)
    }

    /// Sets how often a department must send data in an area, from today on: a county for its own county, an
    /// administrator for any area or (no area given) the whole country. Other areas keep theirs; an area without its
    /// own row inherits the enclosing one.
    static func setCadence(
        _ pattern: ExchangePattern, for department: Department, in scope: AreaCode?, by user: CurrentUser,
        actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws {
        let today = ChinaTime.civilDate(of: now)
        let existing = try await ExchangeSchedule.query(on: database).filter(\.$department == department.rawValue)
            .filter(\.$scopeCode == scope?.value).filter(\.$effectiveFrom == today.description).first()
        let tables = try await ExchangeSchedule.tables(on: database)
        let before = tables[department.rawValue]?.value(at: scope, on: today)
        let schedule = existing ?? ExchangeSchedule()
        schedule.department = department.rawValue
        schedule.scopeCode = scope?.value
        schedule.effectiveFrom = today.description
        schedule.pattern = pattern.kind
        schedule.patternValue = pattern.value
        schedule.source = "由 \(user.displayName) 调整"
        schedule.createdBy = user.username
        let area = scope.map { "区划 \($0.value) " } ?? "全国"
        try await database.transaction { database in
            try await schedule.save(on: database)
            try await AuditLog.record(
                .update, entityType: "exchange_cadence", entityID: "\(department.rawValue)@\(scope?.value ?? "")",
                areaCode: scope?.value ?? user.areaCode.value,
                summary: "调整\(area)\(department.label)报送频次为\(pattern.label)",
                before: ["pattern": before?.label ?? ""],
                after: ["pattern": pattern.label, "effective_from": today.description],
                actor: actor, at: now, on: database)
        }
    }
}
