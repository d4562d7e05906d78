import Crypto
import Domain
import Fluent
import Foundation
import Spreadsheet
import SQLKit
import Vapor

/// 登记表导入: reads an uploaded registry file, checks every row and every conflict with the registry, and — only
/// when there is no problem at all — applies it in one transaction. Applying the same file twice changes nothing:
/// households are matched by household number and members by identity number.
enum RegistryImporter {
    struct Reading {
        let plan: RegistryImportPlan
        let diff: RegistryDiff
        let encoding: String?

        var problems: [ImportProblem] { plan.problems + diff.problems }
        var isValid: Bool { problems.isEmpty }
    }

    /// Reads and checks a file against the registry as it is now, for the user's scope.
    static func read(_ data: Data, fileName: String, scope: AccessScope, today: CivilDate, on database: any Database) async throws -> Reading {
        let clock = ContinuousClock(), started = clock.now
        let sheet = try UploadedSheet(data, fileName: fileName)
        let rows = sheet.rows, encoding = sheet.encoding
        let parsed = clock.now
        guard let header = rows.first else { throw Abort(.unprocessableEntity, reason: "文件「\(fileName)」是空的。") }
        let areas = try await knownAreas(in: scope, on: database)
        let plan = RegistryImportPlan.make(
            header: header, rows: Array(rows.dropFirst()), today: today,
            isKnownVillage: { areas.villages.contains($0.value) }, isKnownSubArea: { areas.subAreas.contains($0.value) }
        )
        let planned = clock.now
        let diff = try await RegistryDiff.make(plan: plan, scope: scope, on: database)
        database.logger.debug("registry file read \(parsed - started), planned \(planned - parsed), compared \(clock.now - planned)")
        return Reading(plan: plan, diff: diff, encoding: encoding)
    }

    private struct AreaRow: Decodable { let code: String; let level: String }

    /// Village, group and grid codes inside the scope: the only places an import may put a household. Plain rows,
    /// not models: a province has hundreds of thousands of them.
    private static func knownAreas(in scope: AccessScope, on database: any Database) async throws -> (villages: Set<String>, subAreas: Set<String>) {
        guard let sql = database as? any SQLDatabase else { return ([], []) }
        let range = scope.areaCodeRange
        let rows = try await sql.select().columns("code", "level").from(Area.schema)
            .where("code", .greaterThanOrEqual, range.lower).where("code", .lessThanOrEqual, range.upper)
            .where("level", .in, [AreaLevel.village.rawValue, AreaLevel.group.rawValue, AreaLevel.grid.rawValue])
            .all(decoding: AreaRow.self)
        var villages = Set<String>(), subAreas = Set<String>()
        for area in rows {
            if area.level == AreaLevel.village.rawValue { villages.insert(area.code) } else { subAreas.insert(area.code) }
        }
        return (villages, subAreas)
    }

    static func sha256(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }
}
