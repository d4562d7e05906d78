import Fluent
import SQLKit

/// The audit trail is append-only in the database itself: a trigger refuses UPDATE and DELETE, so not even a
/// bug in the application can rewrite history.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("area_code", .string)
            .field("summary", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .field("reason", .string)
            .create()
        try await database.createIndex(
            on: AuditEvent.schema, named: "audit_events_entity", columns: ["entity_type", "entity_id", "occurred_at"])
        try await database.createIndex(
            on: AuditEvent.schema, named: "audit_events_area", columns: ["area_code", "occurred_at"])
        try await database.createIndex(
            on: AuditEvent.schema, named: "audit_events_occurred_at", columns: ["occurred_at"])
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.engine {
        case .sqlite:
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased())
                    BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                    """
                ).run()
            }
        case .postgresql:
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
        if let sql = database as? any SQLDatabase, sql.engine == .postgresql {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}
