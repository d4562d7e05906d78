import Domain
import Fluent
import Vapor

/// The household search (农户查询): filters, one page of results, and the total — all inside the user's scope.
struct HouseholdSearch: Content {
    var q: String?
    var area: String?
    var type: String?
    var status: String?
    var limit: Int?
    var offset: Int?

    static let defaultLimit = 50
    static let maximumLimit = 200

    var pageLimit: Int { min(max(limit ?? Self.defaultLimit, 1), Self.maximumLimit) }
    var pageOffset: Int { max(offset ?? 0, 0) }

    /// Checks the filters, naming the first one that cannot be used.
    func validated() throws -> HouseholdSearch {
        try NumberInput.limit(upTo: Self.maximumLimit).check(limit)
        try NumberInput.offset.check(offset)
        if let type, !type.isEmpty, HouseholdType(rawValue: type) == nil { throw AppError.unknownHouseholdType(type) }
        if let status, !status.isEmpty, HouseholdMonitoringStatus(rawValue: status) == nil {
            throw AppError.unknownMonitoringStatus(status)
        }
        if let area, !area.isEmpty, AreaCode(area) == nil { throw AppError.malformedAreaCode(area) }
        if let q, q.count > 60 { throw AppError.searchTooLong(maximum: 60) }
        return self
    }

    /// Runs the search; an area filter outside the scope finds nothing rather than widening the scope.
    func run(scope: AccessScope, on database: any Database) async throws -> (rows: [Household], total: Int) {
        guard let query = try await query(scope: scope, on: database) else { return ([], 0) }
        let total = try await query.count()
        let rows = try await query.sort(\.$villageCode).sort(\.$householdNumber)
            .range(pageOffset..<(pageOffset + pageLimit)).all()
        return (rows, total)
    }

    /// The filtered query without paging, for exports; nil when the area filter lies outside the scope.
    func query(scope: AccessScope, on database: any Database) async throws -> QueryBuilder<Household>? {
        var effectiveScope = scope
        if let area, !area.isEmpty, let code = AreaCode(area) {
            guard scope.includes(code) else { return nil }
            effectiveScope = scope.narrowed(to: code)
        }
        var query = Household.restrict(Household.query(on: database), to: effectiveScope)
        if let type, !type.isEmpty { query = query.filter(\.$householdType == type) }
        if let status, !status.isEmpty { query = query.filter(\.$monitoringStatus == status) }
        if let term = q?.trimmingCharacters(in: .whitespaces), !term.isEmpty {
            query = try await applySearchTerm(term, to: query, scope: effectiveScope, on: database)
        }
        return query
    }

    /// A term is an identity number (exact), a household number (prefix) or a name (prefix of the head's or any member's).
    private func applySearchTerm(
        _ term: String, to query: QueryBuilder<Household>, scope: AccessScope, on database: any Database
    ) async throws -> QueryBuilder<Household> {
        if term.count == 18, term.dropLast().allSatisfy(\.isASCIIDigit) {
            let ids = try await Member.restrict(Member.query(on: database), to: scope)
                .filter(\.$idNumber == term.uppercased()).all(\.$household.$id)
            return query.filter(\.$id ~~ ids)
        }
        if term.allSatisfy(\.isASCIIDigit) {
            return query.filter(\.$householdNumber >= term).filter(\.$householdNumber <= term + "\u{7F}")
        }
        return try await HouseholdStore.filter(query, namesBeginningWith: term, in: scope, on: database)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
