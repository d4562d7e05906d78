import Domain
import Fluent
import Foundation
import SQLKit

/// The starting configuration of discovery, as data: version 1 of every built-in screening rule and the 2021
/// national monitoring-line floor. Provinces and counties add their own versions and lines on top.
///
/// Written with the columns of this migration's schema, not through the models: a model gains fields in later
/// migrations, and Fluent names every field of a model in an insert.
struct SeedDiscoveryDefaults: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        let now = Date()
        for version in ScreeningRuleSet.seeded {
            let parameters = String(decoding: try JSONEncoder().encode(version.parameters), as: UTF8.self)
            try await sql.insert(into: ScreeningRuleRecord.schema)
                .columns(
                    "id", "kind", "version", "parameters_json", "effective_from", "effective_to", "scope_code",
                    "enabled", "note",
                    "created_by", "created_at"
                )
                .values(
                    SQLBind(UUID()), SQLBind(version.kind.rawValue), SQLBind(version.version), SQLBind(parameters),
                    SQLBind(version.effective.from?.description), SQLBind(version.effective.to?.description),
                    SQLBind(version.scope?.value),
                    SQLBind(version.enabled), SQLBind("内置规则（POLICY §6）"), SQLBind("system"), SQLBind(now)
                )
                .run()
        }
        try await sql.insert(into: MonitoringLineRecord.schema)
            .columns("id", "scope_code", "effective_from", "effective_to", "amount", "source", "created_at")
            .values(
                SQLBind(UUID()), SQLBind(String?.none), SQLBind("2021-05-01"), SQLBind(String?.none),
                SQLBind(Int64(600_000)),
                SQLBind("中农组发〔2021〕7号：监测范围不低于 6000 元（全国底线）"), SQLBind(now)
            )
            .run()
    }

    func revert(on database: any Database) async throws {
        try await ScreeningRuleRecord.query(on: database).filter(\.$createdBy == "system").delete()
        try await MonitoringLineRecord.query(on: database).delete()
    }
}
