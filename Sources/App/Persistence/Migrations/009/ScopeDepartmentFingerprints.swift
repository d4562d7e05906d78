import Fluent
import SQLKit

/// Department records become the receiving area's own: each stored fingerprint is prefixed with the area of the
/// account whose batch brought it (`DepartmentIngest.fingerprint(_:receivedIn:)`), and the rows that matched nobody
/// are dropped, as their batch's report (`unmatched_json`) already names them. Rewriting a fingerprint changes
/// nothing screening reads, so the change-log rows the update's triggers write are removed again.
struct ScopeDepartmentFingerprints: AsyncMigration {
    private struct Sequence: Decodable {
        let seq: Int
    }

    /// Area codes have twelve digits; the prefix is the code and a colon.
    private static let prefixLength = 13

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let logged =
            try await sql.raw("SELECT COALESCE(MAX(seq), 0) AS seq FROM screening_changes").first(
                decoding: Sequence.self)?.seq ?? 0
        try await sql.raw("DELETE FROM department_events WHERE member_id IS NULL AND household_id IS NULL").run()
        try await sql.raw(
            """
            UPDATE department_events
            SET fingerprint = (SELECT b.area_code FROM department_batches b WHERE b.id = department_events.batch_id) || ':' || fingerprint
            WHERE fingerprint NOT LIKE 'generated:%'
            """
        ).run()
        try await sql.raw("DELETE FROM screening_changes WHERE seq > \(bind: logged)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE department_events SET fingerprint = SUBSTR(fingerprint, \(literal: Self.prefixLength + 1))
            WHERE fingerprint NOT LIKE 'generated:%'
            """
        ).run()
    }
}
