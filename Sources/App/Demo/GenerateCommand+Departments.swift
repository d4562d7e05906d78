import Domain
import Fluent
import Foundation
import SQLKit

/// Department records for a generated registry, written by one INSERT … SELECT over the members: every k-th member
/// (in identity-number order) gets one record, its kind, date and amount drawn from the row number with fixed
/// multipliers, so the same registry always gets the same records. Nine in ten are medical self-payments, most of
/// them small, as in a real medical-insurance feed; the other kinds come a few per thousand households a year.
enum GeneratedDepartmentData {
    /// Shares per thousand records.
    static let mix: [(DepartmentEventKind, Int)] = [
        (.medicalSelfPay, 900), (.seriousIllness, 10), (.minimumLiving, 10), (.extremePoverty, 2), (.disability, 8),
        (.enrolment, 30),
        (.housingRating, 10), (.disasterDamage, 15), (.unemployment, 12), (.waterUnsafe, 3),
    ]

    /// Writes up to `count` records dated within 540 days before `day`; returns how many were written.
    static func write(count: Int, through day: CivilDate, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase, count > 0 else { return 0 }
        let members = try await Member.query(on: database).count()
        guard members > 0 else { return 0 }
        let stride = max(1, members / count)
        var batches: [DepartmentEventKind: UUID] = [:]
        let now = Date()
        for (kind, _) in mix {
            let batch = DepartmentBatch()
            batch.department = kind.department.rawValue
            batch.kind = kind.rawValue
            batch.source = "upload"
            batch.fileName = "generated-\(kind.rawValue).csv"
            batch.fileSHA256 = "generated"
            batch.receivedAt = now
            batch.username = "generate"
            batch.areaCode = "000000000000"
            batch.status = "accepted"
            (batch.rowCount, batch.newEvents, batch.repeatedEvents, batch.matched, batch.unmatched) = (0, 0, 0, 0, 0)
            batch.problemsJSON = "[]"
            batch.unmatchedJSON = "[]"
            try await batch.create(on: database)
            batches[kind] = try batch.requireID()
        }
        try await DemoDepartmentStore.insertEvents(
            mix: mix, batches: batches, everyNthMember: stride, upTo: count, through: day,
            createdAt: now, sql: sql)
        return try await DepartmentEventRecord.query(on: database).filter(\.$fingerprint >= "generated:").filter(
            \.$fingerprint < "generated;"
        ).count()
    }
}
