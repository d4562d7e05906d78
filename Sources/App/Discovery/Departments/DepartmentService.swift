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
}
