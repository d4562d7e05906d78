import Domain
import Fluent
import Foundation

/// 区划维护: the county and administrators add villages, groups and grids under an area of their own and rename the
/// ones kept locally; official areas are read-only. Each change is saved and audited in one transaction.
enum AreaService {
    /// What became of a new child area: created, or refused with the reason the form shows.
    enum ChildOutcome {
        case created(Area)
        case refused(String)
    }

    /// What became of a new name for an area: saved, the same as before (nothing to save), or refused with the reason.
    enum RenameOutcome {
        case renamed
        case unchanged
        case refused(String)
    }

    /// The area with this code inside the user's scope, or `AppError.areaNotFound`.
    static func area(_ raw: String, visibleTo user: CurrentUser, on database: any Database) async throws -> Area {
        guard let code = AreaCode(raw), user.scope.includes(code),
            let area = try await AreaDirectory.area(raw, on: database)
        else { throw AppError.areaNotFound }
        return area
    }

    /// The level of a child the user may add under `parent`, or 403 when the user may not edit areas, or
    /// `AppError.levelNotAllowedHere`.
    static func childLevel(_ levelRaw: String?, under parent: Area, for user: CurrentUser) throws -> AreaLevel {
        try user.require(.editAreasBelowCounty)
        guard let parentLevel = AreaLevel(rawValue: parent.level),
            let level = levelRaw.flatMap(AreaLevel.init(rawValue:)),
            AreaLevel.localChildLevels(of: parentLevel).contains(level)
        else { throw AppError.levelNotAllowedHere }
        return level
    }

    /// The level of an area the user may rename, or 403 when the user may not edit areas, or
    /// `AppError.officialAreaReadOnly` for an area of the official code system.
    static func editableLevel(of area: Area, for user: CurrentUser) throws -> AreaLevel {
        try user.require(.editAreasBelowCounty)
        guard area.codeSystem == Area.localCodeSystem, let level = area.areaLevel else {
            throw AppError.officialAreaReadOnly
        }
        return level
    }

    /// Adds a local area of `level` under `parent` with the next free code, unless the name is malformed or a sibling
    /// of that level already has it.
    static func createChild(
        named rawName: String, level: AreaLevel, under parent: Area, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws -> ChildOutcome {
        let name = AreaNaming.normalized(rawName)
        if let problem = AreaNaming.problem(with: name, level: level) { return .refused(problem) }
        let area = try await database.transaction { database -> Area? in
            let siblings = try await AreaDirectory.children(of: parent.code, on: database)
            if siblings.contains(where: { $0.name == name && $0.level == level.rawValue }) { return nil }
            guard let parentCode = AreaCode(parent.code),
                let code = AreaCode.nextChild(of: parentCode, level: level, existing: siblings.map(\.code))
            else { throw AppError.areaCodesExhausted(parentName: parent.name, levelLabel: level.label) }
            let area = Area(
                code: code.value, name: name, level: level.rawValue, parentCode: parent.code,
                codeSystem: Area.localCodeSystem)
            try await area.create(on: database)
            try await AuditLog.recordChange(
                of: area, before: nil, summary: "新增\(level.label)「\(name)」", actor: actor, at: now, on: database)
            return area
        }
        guard let area else { return .refused("「\(parent.name)」下已有名为「\(name)」的\(level.label)。") }
        return .created(area)
    }

    /// Renames the area, unless the name is malformed for its level.
    static func rename(
        _ area: Area, to rawName: String, level: AreaLevel, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws -> RenameOutcome {
        let name = AreaNaming.normalized(rawName)
        if let problem = AreaNaming.problem(with: name, level: level) { return .refused(problem) }
        guard name != area.name else { return .unchanged }
        try await database.transaction { database in
            let before = area.auditSnapshot
            area.name = name
            try await area.save(on: database)
            try await AuditLog.recordChange(
                of: area, before: before, summary: "修改名称为「\(name)」", actor: actor, at: now, on: database)
        }
        return .renamed
    }
}
