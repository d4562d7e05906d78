import Domain
import Fluent
import Vapor

/// A model whose rows belong to an area. Every read of such a model in a request goes through `Request.scoped`,
/// which applies the signed-in user's area: a row outside it is not found, and lists and counts never include it.
protocol AreaScoped: Model {
    static func restrict(_ query: QueryBuilder<Self>, to scope: AccessScope) -> QueryBuilder<Self>
}

extension Household: AreaScoped {
    static func restrict(_ query: QueryBuilder<Household>, to scope: AccessScope) -> QueryBuilder<Household> {
        filterHouseholds(query, to: scope)
    }

    /// The scope as conditions on the `households` table of any query that has it (directly or joined).
    static func filterHouseholds<M: Model>(_ query: QueryBuilder<M>, to scope: AccessScope) -> QueryBuilder<M> {
        switch scope.householdFilter {
        case .everything:
            return query
        case let .villageCodes(lower, upper):
            return query.filter(Household.self, \.$villageCode >= lower).filter(Household.self, \.$villageCode <= upper)
        case let .group(code):
            return query.filter(Household.self, \.$groupCode == code)
        case let .grid(code):
            return query.filter(Household.self, \.$gridCode == code)
        }
    }
}

extension Member: AreaScoped {
    static func restrict(_ query: QueryBuilder<Member>, to scope: AccessScope) -> QueryBuilder<Member> {
        Household.filterHouseholds(query.join(parent: \.$household), to: scope)
    }
}

extension Area: AreaScoped {
    static func restrict(_ query: QueryBuilder<Area>, to scope: AccessScope) -> QueryBuilder<Area> {
        let range = scope.areaCodeRange
        return query.filter(\.$code >= range.lower).filter(\.$code <= range.upper)
    }
}

extension User: AreaScoped {
    static func restrict(_ query: QueryBuilder<User>, to scope: AccessScope) -> QueryBuilder<User> {
        let range = scope.areaCodeRange
        return query.filter(\.$areaCode >= range.lower).filter(\.$areaCode <= range.upper)
    }
}

extension RiskLead: AreaScoped {
    static func restrict(_ query: QueryBuilder<RiskLead>, to scope: AccessScope) -> QueryBuilder<RiskLead> {
        switch scope.householdFilter {
        case .everything:
            return query
        case let .villageCodes(lower, upper):
            return query.filter(\.$villageCode >= lower).filter(\.$villageCode <= upper)
        case .group, .grid:
            // Group and grid users see the leads of their own households.
            return Household.filterHouseholds(query.join(parent: \.$household), to: scope)
        }
    }
}

extension DepartmentBatch: AreaScoped {
    static func restrict(_ query: QueryBuilder<DepartmentBatch>, to scope: AccessScope) -> QueryBuilder<DepartmentBatch>
    {
        let range = scope.areaCodeRange
        return query.filter(\.$areaCode >= range.lower).filter(\.$areaCode <= range.upper)
    }
}

extension ImportBatch: AreaScoped {
    static func restrict(_ query: QueryBuilder<ImportBatch>, to scope: AccessScope) -> QueryBuilder<ImportBatch> {
        let range = scope.areaCodeRange
        return query.filter(\.$areaCode >= range.lower).filter(\.$areaCode <= range.upper)
    }
}

/// The scoped entry point to area-owned data for one request.
struct ScopedData<M: AreaScoped> {
    let scope: AccessScope
    let database: any Database

    func query() -> QueryBuilder<M> { M.restrict(M.query(on: database), to: scope) }

    /// The row with this id inside the scope, or 404 — the same answer as for an id that does not exist,
    /// so a user cannot learn that a record exists elsewhere.
    func find(_ id: M.IDValue?) async throws -> M {
        guard let id, let row = try await query().filter(\M._$id == id).first() else {
            throw AppError.recordNotFound
        }
        return row
    }
}

extension Request {
    func scoped<M: AreaScoped>(_ type: M.Type, on database: (any Database)? = nil) throws -> ScopedData<M> {
        ScopedData(scope: try requireUser().scope, database: database ?? db)
    }
}
