import Domain
import Fluent
import Foundation
import Vapor

/// The official division list shipped in `Resources/regions`, loaded into the area tree on demand.
enum RegionCatalog {
    static let codeSystem = "mca-2025"

    struct Row: Equatable {
        let code: String
        let name: String
        let level: AreaLevel
        let parentCode: String?
    }

    static func fileURL(resourcesDirectory: String) -> URL {
        URL(fileURLWithPath: resourcesDirectory).appendingPathComponent("regions/china-mca-2025.csv")
    }

    /// Parses the CSV, keeping the rows whose code starts with `prefix` plus their ancestors.
    static func rows(resourcesDirectory: String, prefix: String) throws -> [Row] {
        let text = try String(contentsOf: fileURL(resourcesDirectory: resourcesDirectory), encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                throw Abort(.internalServerError, reason: "regions CSV line \(index + 1): expected 4 fields")
            }
            guard let level = AreaLevel(rawValue: fields[2]), AreaCode(fields[0]) != nil else {
                throw Abort(.internalServerError, reason: "regions CSV line \(index + 1): bad code or level")
            }
            let code = fields[0]
            guard code.hasPrefix(prefix) || prefix.hasPrefix(AreaCode(code)?.scopePrefix ?? code) else { continue }
            rows.append(Row(code: code, name: fields[1], level: level, parentCode: fields[3].isEmpty ? nil : fields[3]))
        }
        return rows
    }

    /// Inserts the rows that are not there yet, parents before children; returns how many were added.
    @discardableResult
    static func load(prefix: String, resourcesDirectory: String, on database: any Database) async throws -> Int {
        let rows = try rows(resourcesDirectory: resourcesDirectory, prefix: prefix)
        return try await database.transaction { database in
            let existing = Set(try await Area.query(on: database).all(\.$code))
            let fresh = rows.filter { !existing.contains($0.code) }.sorted { $0.level.depth < $1.level.depth }
            let now = Date()
            try await BulkInsert.insert(
                into: Area.schema,
                columns: ["id", "code", "name", "level", "parent_code", "code_system", "created_at", "updated_at"],
                rows: fresh.map { [UUID(), $0.code, $0.name, $0.level.rawValue, $0.parentCode, codeSystem, now, now] },
                on: database
            )
            return fresh.count
        }
    }
}
