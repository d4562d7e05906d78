import Domain
import Fluent
import Foundation

/// The starting configuration of discovery, as data: version 1 of every built-in screening rule and the 2021
/// national monitoring-line floor. Provinces and counties add their own versions and lines on top.
struct SeedDiscoveryDefaults: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for version in ScreeningRuleSet.seeded {
            let record = ScreeningRuleRecord(version, note: "内置规则（POLICY §6）", createdBy: "system")
            try await record.create(on: database)
        }
        let line = MonitoringLineRecord()
        line.scopeCode = nil
        line.effectiveFrom = "2021-05-01"
        line.amount = 600_000
        line.source = "中农组发〔2021〕7号：监测范围不低于 6000 元（全国底线）"
        try await line.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await ScreeningRuleRecord.query(on: database).filter(\.$createdBy == "system").delete()
        try await MonitoringLineRecord.query(on: database).delete()
    }
}
