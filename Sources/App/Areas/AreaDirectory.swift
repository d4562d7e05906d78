import Domain
import Fluent
import Vapor

/// Looks up areas by code: names for display, children for browsing, ancestors for breadcrumbs.
enum AreaDirectory {
    static func area(_ code: String, on database: any Database) async throws -> Area? {
        try await Area.query(on: database).filter(\.$code == code).first()
    }

    static func children(of code: String, on database: any Database) async throws -> [Area] {
        try await Area.query(on: database).filter(\.$parentCode == code).sort(\.$code).all()
    }

    /// The chain from the top of the tree down to and including `code`, in one query: the ancestors' codes follow
    /// from the code itself.
    static func lineage(of code: String, on database: any Database) async throws -> [Area] {
        var codes: [String] = []
        var next = AreaCode(code)
        while let current = next, codes.count < 10 {
            codes.append(current.value)
            next = current.parent
        }
        guard !codes.isEmpty else { return [] }
        let areas = try await AreaStore.areas(withCodes: codes, on: database)
        let byCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return codes.reversed().compactMap { byCode[$0] }
    }

    /// Names for a set of codes, in one query.
    static func names(of codes: [String], on database: any Database) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let areas = try await Area.query(on: database).filter(\.$code ~~ codes).all()
        return Dictionary(areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Village names with their township's in front (「伍隍镇 · 石河村」), for lists that span townships, where two
    /// villages may share a name. Other codes get their own name.
    static func qualifiedNames(of codes: [String], on database: any Database) async throws -> [String: String] {
        let townships = Set(codes.compactMap { AreaCode($0).flatMap { $0.level == .village ? $0.parent?.value : nil } })
        let names = try await names(of: Array(Set(codes).union(townships)), on: database)
        return Dictionary(
            uniqueKeysWithValues: Set(codes).map { code in
                let own = names[code] ?? code
                guard let township = AreaCode(code).flatMap({ $0.level == .village ? $0.parent?.value : nil }),
                    let name = names[township]
                else {
                    return (code, own)
                }
                return (code, "\(name) · \(own)")
            })
    }

    /// How households group under the children of an area of this level.
    static func childGrouping(for level: AreaLevel) -> HouseholdStatisticsStore.Grouping? {
        switch level {
        case .province: return .villageCodePrefix(digits: 4)
        case .city: return .villageCodePrefix(digits: 6)
        case .county: return .villageCodePrefix(digits: 9)
        case .township: return .villageCodePrefix(digits: 12)
        case .village, .group, .grid: return nil
        }
    }

    /// The households of an area inside the scope, in all and per child area; for a village, its groups and grids
    /// each get their own counts.
    static func counts(
        of area: AreaCode, level: AreaLevel, scope: AccessScope, on database: any Database
    ) async throws -> AreaCounts {
        let narrowed = scope.narrowed(to: area)
        if let grouping = childGrouping(for: level) {
            let rows = try await HouseholdStatisticsStore.breakdown(by: grouping, in: narrowed, on: database)
            // Every household falls under exactly one code prefix, so the children add up to the area: one pass over
            // the registry instead of two (at a province, each pass reads a million rows).
            return AreaCounts(
                totals: rows.values.reduce(HouseholdCounts(), +),
                // Prefix keys are padded back to full codes so they match the child areas.
                children: Dictionary(
                    rows.map { (AreaCode.padded($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
            )
        }
        let totals = try await HouseholdStatisticsStore.totals(in: narrowed, on: database)
        guard level == .village else { return AreaCounts(totals: totals, children: [:]) }
        let groups = try await HouseholdStatisticsStore.breakdown(by: .group, in: narrowed, on: database)
        let grids = try await HouseholdStatisticsStore.breakdown(by: .grid, in: narrowed, on: database)
        return AreaCounts(totals: totals, children: groups.merging(grids, uniquingKeysWith: { first, _ in first }))
    }
}

/// 户数统计: an area's household counts, in all and per child area (by code).
struct AreaCounts: Sendable, Equatable {
    var totals: HouseholdCounts
    var children: [String: HouseholdCounts]
}
