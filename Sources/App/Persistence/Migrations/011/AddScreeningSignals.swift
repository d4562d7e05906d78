import Domain
import Fluent
import SQLKit

/// The signals of seeds 000 and 002 that screening lacked: a child in non-compulsory schooling, 失能失智 elderly, a
/// severe disability graded in the registry and the loss of the main labourer. Members gain the days the registry
/// recorded a disability grade and a loss of labour capacity (stamped by triggers on every write path, in China time,
/// unless the writer sets them); the kept facts gain the columns the new rules read and are rebuilt at the next
/// screening; the new rules get their version 1 where the seeded defaults did not already bring it.
struct AddScreeningSignals: AsyncMigration {
    static let memberColumns = ["disability_graded_on", "labour_lost_on"]
    static let factsColumns: [(name: String, type: DatabaseSchema.DataType)] = [
        ("beyond_compulsory", .int), ("frail_birth_date", .string), ("disability_grade", .int),
        ("disability_graded_on", .string),
        ("labour_lost_on", .string), ("labourer_departed_on", .string), ("labourers", .int), ("rigid_item", .string),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        for column in Self.memberColumns {
            try await database.schema(Member.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
        for column in Self.factsColumns {
            try await database.schema(ScreeningFactsRow.schema).field(FieldKey(stringLiteral: column.name), column.type)
                .update()
        }
        if let sql = database as? any SQLDatabase {
            try await createStampTriggers(sql)
            // The facts are rebuilt whole at the next refresh, so every household gets the new columns.
            try await sql.raw("DELETE FROM screening_cursors WHERE name = \(bind: ScreeningFactsStore.factsCursor)")
                .run()
        }
        let present = Set(try await ScreeningRuleRecord.query(on: database).all().map(\.kind))
        for version in ScreeningRuleSet.seeded where !present.contains(version.kind.rawValue) {
            try await ScreeningRuleRecord(version, note: "内置规则（种子文件 000、002）", createdBy: "system").create(on: database)
        }
    }

    private func createStampTriggers(_ sql: any SQLDatabase) async throws {
        let capable = LabourCapacity.allCases.filter(\.isCapable).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        if sql.engine == .postgresql {
            let today = "to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION members_stamp_changes() RETURNS trigger AS $$
                BEGIN
                    IF NEW.disability_grade IS NOT NULL AND NEW.disability_grade IS DISTINCT FROM OLD.disability_grade
                       AND NEW.disability_graded_on IS NOT DISTINCT FROM OLD.disability_graded_on THEN
                        NEW.disability_graded_on := \(unsafeRaw: today);
                    END IF;
                    IF OLD.labour_capacity IN (\(unsafeRaw: capable)) AND NEW.labour_capacity NOT IN (\(unsafeRaw: capable))
                       AND NEW.labour_lost_on IS NOT DISTINCT FROM OLD.labour_lost_on THEN
                        NEW.labour_lost_on := \(unsafeRaw: today);
                    END IF;
                    RETURN NEW;
                END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER members_stamp_changes BEFORE UPDATE ON members FOR EACH ROW EXECUTE FUNCTION members_stamp_changes()
                """
            ).run()
        } else {
            let today = "date('now', '+8 hours')"
            try await sql.raw(
                """
                CREATE TRIGGER members_stamp_disability AFTER UPDATE OF disability_grade ON members
                WHEN NEW.disability_grade IS NOT NULL AND NEW.disability_grade IS NOT OLD.disability_grade
                    AND NEW.disability_graded_on IS OLD.disability_graded_on
                BEGIN UPDATE members SET disability_graded_on = \(unsafeRaw: today) WHERE id = NEW.id; END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER members_stamp_labour AFTER UPDATE OF labour_capacity ON members
                WHEN OLD.labour_capacity IN (\(unsafeRaw: capable)) AND NEW.labour_capacity NOT IN (\(unsafeRaw: capable))
                    AND NEW.labour_lost_on IS OLD.labour_lost_on
                BEGIN UPDATE members SET labour_lost_on = \(unsafeRaw: today) WHERE id = NEW.id; END
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            if sql.engine == .postgresql {
                try await sql.raw("DROP TRIGGER IF EXISTS members_stamp_changes ON members").run()
                try await sql.raw("DROP FUNCTION IF EXISTS members_stamp_changes()").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS members_stamp_disability").run()
                try await sql.raw("DROP TRIGGER IF EXISTS members_stamp_labour").run()
            }
        }
        for column in Self.factsColumns.reversed() {
            try await database.schema(ScreeningFactsRow.schema).deleteField(FieldKey(stringLiteral: column.name))
                .update()
        }
        for column in Self.memberColumns.reversed() {
            try await database.schema(Member.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
