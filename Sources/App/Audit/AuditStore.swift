import Fluent
import Foundation
import SQLKit

/// The audit log's reads.
enum AuditStore {
    /// The latest `limit` events of one record, newest first.
    static func events(
        ofEntity entityType: String, id entityID: String, limit: Int, on database: any Database
    ) async throws -> [AuditEvent] {
        try await database.plainRows(
            AuditEvent.self,
            """
            WHERE entity_type = \(bind: entityType) AND entity_id = \(bind: entityID) ORDER BY occurred_at DESC LIMIT \(literal: limit)
            """)
    }
}
