import Domain
import Fluent
import Foundation

extension ScreeningRuleRecord {
    convenience init(_ version: ScreeningRuleVersion, note: String, createdBy: String) {
        self.init()
        kind = version.kind.rawValue
        self.version = version.version
        parametersJSON =
            (try? JSONEncoder().encode(version.parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        effectiveFrom = version.effective.from?.description
        effectiveTo = version.effective.to?.description
        scopeCode = version.scope?.value
        enabled = version.enabled
        self.note = note
        self.createdBy = createdBy
    }

    var ruleVersion: ScreeningRuleVersion? {
        guard let kind = ScreeningRuleKind(rawValue: kind),
            let parameters = try? JSONDecoder().decode([String: Int64].self, from: Data(parametersJSON.utf8))
        else { return nil }
        return ScreeningRuleVersion(
            kind: kind, version: version, parameters: parameters,
            effective: ValidityPeriod(
                from: effectiveFrom.flatMap(CivilDate.init), to: effectiveTo.flatMap(CivilDate.init)),
            scope: scopeCode.flatMap(AreaCode.init), enabled: enabled
        )
    }
}

/// The discovery configuration in force, read from the database.
enum DiscoveryConfiguration {
    /// The versions in force (withdrawn ones left out), repaired where they conflict so that one area's
    /// configuration never stops screening elsewhere (`ScreeningRuleSet.init(resolving:)`; the page shows the repairs).
    static func rules(on database: any Database) async throws -> ScreeningRuleSet {
        ScreeningRuleSet(resolving: try await storedVersions(on: database))
    }

    static func storedVersions(on database: any Database) async throws -> [ScreeningRuleVersion] {
        try await ScreeningRuleRecord.query(on: database).filter(\.$withdrawnAt == nil).all().compactMap(\.ruleVersion)
    }

    static func monitoringLine(on database: any Database) async throws -> MonitoringLine {
        let rows = try await MonitoringLineRecord.query(on: database).all().compactMap {
            record -> EffectiveDated<Money>? in
            guard let from = CivilDate(record.effectiveFrom) else { return nil }
            return EffectiveDated(
                scope: record.scopeCode.flatMap(AreaCode.init), effectiveFrom: from,
                effectiveTo: record.effectiveTo.flatMap(CivilDate.init), value: Money(fen: record.amount))
        }
        do {
            return try MonitoringLine(rows: rows)
        } catch {
            throw ScreeningConfigurationError(message: error.message)
        }
    }
}

struct ScreeningConfigurationError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
