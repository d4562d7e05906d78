import Domain
import Fluent
import Foundation

extension ScreeningRuleRecord {
    convenience init(_ version: ScreeningRuleVersion, note: String, createdBy: String) {
        self.init()
        kind = version.kind.rawValue
        self.version = version.version
        parametersJSON = (try? JSONEncoder().encode(version.parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        effectiveFrom = version.effective.from?.description
        effectiveTo = version.effective.to?.description
        scopeCode = version.scope?.value
        enabled = version.enabled
        self.note = note
        self.createdBy = createdBy
    }

    var ruleVersion: ScreeningRuleVersion? {
        guard let kind = ScreeningRuleKind(rawValue: kind),
              let parameters = try? JSONDecoder().decode([String: Int64].self, from: Data(parametersJSON.utf8)) else { return nil }
        return ScreeningRuleVersion(
            kind: kind, version: version, parameters: parameters,
            effective: ValidityPeriod(from: effectiveFrom.flatMap(CivilDate.init), to: effectiveTo.flatMap(CivilDate.init)),
            scope: scopeCode.flatMap(AreaCode.init), enabled: enabled
        )
    }
}

/// The discovery configuration in force, read from the database.
enum DiscoveryConfiguration {
    static func rules(on database: any Database) async throws -> ScreeningRuleSet {
        let versions = try await ScreeningRuleRecord.query(on: database).all().compactMap(\.ruleVersion)
        do {
            return try ScreeningRuleSet(versions: versions)
        } catch {
            throw ScreeningConfigurationError(message: error.message)
        }
    }

    static func monitoringLine(on database: any Database) async throws -> MonitoringLine {
        let rows = try await MonitoringLineRecord.query(on: database).all().compactMap { record -> EffectiveDated<Money>? in
            guard let from = CivilDate(record.effectiveFrom) else { return nil }
            return EffectiveDated(scope: record.scopeCode.flatMap(AreaCode.init), effectiveFrom: from,
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
