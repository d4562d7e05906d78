import Fluent
import SQLKit

/// Screening facts kept current: one row per household with what the registry-based rules read, a log of the
/// households whose registry data changed (written by triggers, so no write path can forget it), and the cursors
/// that say how far the facts and the incremental screening have read that log.
struct CreateScreeningFacts: AsyncMigration {
    /// Tables whose rows feed the facts or the department-record rules, with the column naming the household.
    static let watchedTables: [(table: String, householdColumn: String)] = [
        (Household.schema, "id"), (Member.schema, "household_id"), (IncomeRecord.schema, "household_id"),
        (GuaranteeRecord.schema, "household_id"), (DepartmentEventRecord.schema, "household_id"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(ScreeningFactsRow.schema)
            .field(
                "household_id", .uuid, .identifier(auto: false), .references(Household.schema, "id", onDelete: .cascade)
            )
            .field("household_number", .string, .required)
            .field("village_code", .string, .required)
            .field("group_code", .string)
            .field("grid_code", .string)
            .field("member_count", .int, .required)
            .field("income_year", .int, .required)
            .field("per_capita_last", .int64)
            .field("per_capita_previous", .int64)
            .field("net_income_last", .int64)
            .field("net_income_previous", .int64)
            .field("rigid_last", .int64)
            .field("rigid_previous", .int64)
            .field("higher_education", .int, .required)
            .field("housing_grade", .string)
            .field("water_secured", .bool)
            .create()
        try await database.createIndex(
            on: ScreeningFactsRow.schema, named: "screening_facts_village", columns: ["village_code"])
        try await database.schema("screening_cursors")
            .field("name", .string, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("income_year", .int)
            .create()
        // Serves the screening's record bounds from the index alone: a kind's records in household and person order
        // (sums per person need no sort), or a kind's records of a few households.
        try await database.createIndex(
            on: DepartmentEventRecord.schema, named: "department_events_kind_household",
            columns: ["kind", "household_id", "id_number", "event_date", "amount"])
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.engine {
        case .postgresql:
            try await sql.raw(
                "CREATE TABLE screening_changes (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, household_id UUID NOT NULL)"
            ).run()
            // One function per household column: NEW.<column> is resolved when the function is compiled.
            for column in Set(Self.watchedTables.map(\.householdColumn)) {
                try await sql.raw(
                    """
                    CREATE OR REPLACE FUNCTION screening_mark_by_\(unsafeRaw: column)() RETURNS trigger AS $$
                    BEGIN
                        IF TG_OP <> 'DELETE' AND NEW.\(unsafeRaw: column) IS NOT NULL THEN
                            INSERT INTO screening_changes (household_id) VALUES (NEW.\(unsafeRaw: column));
                        END IF;
                        IF TG_OP = 'DELETE' AND OLD.\(unsafeRaw: column) IS NOT NULL
                           OR TG_OP = 'UPDATE' AND OLD.\(unsafeRaw: column) IS NOT NULL AND OLD.\(unsafeRaw: column) IS DISTINCT FROM NEW.\(unsafeRaw: column) THEN
                            INSERT INTO screening_changes (household_id) VALUES (OLD.\(unsafeRaw: column));
                        END IF;
                        RETURN NULL;
                    END; $$ LANGUAGE plpgsql
                    """
                ).run()
            }
            for (table, column) in Self.watchedTables {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_screening_changes AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table)
                    FOR EACH ROW EXECUTE FUNCTION screening_mark_by_\(unsafeRaw: column)()
                    """
                ).run()
            }
        case .sqlite:
            try await sql.raw(
                "CREATE TABLE screening_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, household_id BLOB NOT NULL)"
            ).run()
            for (table, column) in Self.watchedTables {
                let insert = "INSERT INTO screening_changes (household_id)"
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_screening_insert AFTER INSERT ON \(unsafeRaw: table)
                    WHEN NEW.\(unsafeRaw: column) IS NOT NULL
                    BEGIN \(unsafeRaw: insert) VALUES (NEW.\(unsafeRaw: column)); END
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_screening_update AFTER UPDATE ON \(unsafeRaw: table)
                    BEGIN
                        \(unsafeRaw: insert) SELECT NEW.\(unsafeRaw: column) WHERE NEW.\(unsafeRaw: column) IS NOT NULL;
                        \(unsafeRaw: insert) SELECT OLD.\(unsafeRaw: column)
                            WHERE OLD.\(unsafeRaw: column) IS NOT NULL AND OLD.\(unsafeRaw: column) IS NOT NEW.\(unsafeRaw: column);
                    END
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_screening_delete AFTER DELETE ON \(unsafeRaw: table)
                    WHEN OLD.\(unsafeRaw: column) IS NOT NULL
                    BEGIN \(unsafeRaw: insert) VALUES (OLD.\(unsafeRaw: column)); END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, _) in Self.watchedTables {
            if sql.engine == .postgresql {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_screening_changes ON \(unsafeRaw: table)")
                    .run()
            } else {
                for operation in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_screening_\(unsafeRaw: operation)")
                        .run()
                }
            }
        }
        try await sql.raw("DROP TABLE IF EXISTS screening_changes").run()
        if sql.engine == .postgresql {
            for column in Set(Self.watchedTables.map(\.householdColumn)) {
                try await sql.raw("DROP FUNCTION IF EXISTS screening_mark_by_\(unsafeRaw: column)()").run()
            }
        }
        try await database.schema("screening_cursors").delete()
        try await database.schema(ScreeningFactsRow.schema).delete()
    }
}
