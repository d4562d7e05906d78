import Fluent
import SQLKit

/// The closed-loop ledger's links: a lead that reopens a settled finding names the closed lead it follows; a finding
/// about a household that already has a case is kept as information on it (`case_information`) instead of a new
/// lead; and a lead moves with its household when the household moves village, so it is scoped by where the
/// household is now.
struct AddLeadFollowUp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RiskLead.schema).field("follows_lead_id", .uuid).update()
        try await database.schema(CaseInformation.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id", onDelete: .restrict))
            .field("lead_id", .uuid, .references(RiskLead.schema, "id", onDelete: .restrict))
            .field("risk_type", .string, .required)
            .field("channel", .string, .required)
            .field("reference", .string, .required)
            .field("rule_kind", .string)
            .field("rule_version", .int)
            .field("values_json", .string, .required)
            .field("message", .string, .required)
            .field("reporter", .string, .required)
            .field("received_at", .datetime, .required)
            .field("fingerprint", .string, .required)
            .unique(on: "household_id", "fingerprint")
            .create()
        try await database.createIndex(on: RiskLead.schema, named: "risk_leads_follows", columns: ["follows_lead_id"])
        guard let sql = database as? any SQLDatabase else { return }
        if sql.engine == .postgresql {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION risk_leads_follow_household() RETURNS trigger AS $$
                BEGIN
                    UPDATE risk_leads SET village_code = NEW.village_code WHERE household_id = NEW.id;
                    RETURN NULL;
                END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER households_lead_village AFTER UPDATE OF village_code ON households
                FOR EACH ROW WHEN (OLD.village_code IS DISTINCT FROM NEW.village_code)
                EXECUTE FUNCTION risk_leads_follow_household()
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER households_lead_village AFTER UPDATE OF village_code ON households
                WHEN OLD.village_code IS NOT NEW.village_code
                BEGIN UPDATE risk_leads SET village_code = NEW.village_code WHERE household_id = NEW.id; END
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            if sql.engine == .postgresql {
                try await sql.raw("DROP TRIGGER IF EXISTS households_lead_village ON households").run()
                try await sql.raw("DROP FUNCTION IF EXISTS risk_leads_follow_household()").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS households_lead_village").run()
            }
        }
        try await database.schema(CaseInformation.schema).delete()
        try await database.schema(RiskLead.schema).deleteField("follows_lead_id").update()
    }
}
