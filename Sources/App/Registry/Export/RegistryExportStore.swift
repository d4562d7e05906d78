import Domain
import Fluent
import SQLKit

/// The reads of the registry export (web and command line): the people a search holds, its households a batch at
/// a time in village and number order, and their member rows in the import template's columns.
enum RegistryExportStore {
    /// Households read, with their members, per step of the export.
    static let householdsPerBatch = 2_000

    /// The people of the households the query finds, summed in the database. Cast back to an integer: PostgreSQL
    /// sums an integer column as NUMERIC, which Fluent's `sum` cannot read as `Int`.
    static func people(in query: QueryBuilder<Household>) async throws -> Int {
        let sum: SQLQueryString =
            "CAST(COALESCE(SUM(\(ident: Household.schema).\(ident: "member_count")), 0) AS BIGINT)"
        return try await query.copy().aggregate(
            .custom(SQLAlias(sum, as: SQLIdentifier(FieldKey.aggregate.description))), as: Int.self
        ).get()
    }

    /// The households of the query in village and number order, a batch at a time, each batch starting after the
    /// last household of the one before (the index on village and number serves every step alike).
    static func inBatches(
        of query: QueryBuilder<Household>, size: Int = householdsPerBatch, _ body: ([Household]) async throws -> Void
    ) async throws {
        var after: (village: String, number: String)?
        while true {
            var step = query.copy().sort(\.$villageCode).sort(\.$householdNumber).limit(size)
            if let after {
                step = step.group(.or) { either in
                    either.filter(\.$villageCode > after.village).group(.and) { same in
                        same.filter(\.$villageCode == after.village).filter(\.$householdNumber > after.number)
                    }
                }
            }
            let batch = try await step.all()
            if !batch.isEmpty { try await body(batch) }
            guard batch.count == size, let last = batch.last else { return }
            after = (last.villageCode, last.householdNumber)
        }
    }

    /// Member rows of a batch of households in household order, departed members left out, the members read by one
    /// query for the batch.
    static func memberRows(
        of households: [Household], maskedFor role: Role, on database: any Database
    ) async throws -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(households.count * 3)
        let byHousehold = try await MemberRow.present(inHouseholds: households.compactMap(\.id), on: database)
        for household in households {
            guard let id = household.id, let fields = household.registryFields else { continue }
            let ordered = (byHousehold[id] ?? []).sorted {
                RelationToHead.order($0.relation) < RelationToHead.order($1.relation)
            }
            for member in ordered {
                guard let record = member.record else { continue }
                var cells = RegistryExport.cells(household: fields, member: record)
                if !role.seesFullPersonalData { mask(&cells) }
                rows.append(cells)
            }
        }
        return rows
    }

    private static func mask(_ cells: inout [String]) {
        for (index, column) in RegistryColumn.allCases.enumerated() where index < cells.count {
            if let field = PersonalDataField(column: column) {
                cells[index] = PersonalDataMask.masked(cells[index], as: field)
            }
        }
    }
}
