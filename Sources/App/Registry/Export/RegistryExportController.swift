import Domain
import Fluent
import SQLKit
import Spreadsheet
import Vapor

/// 导出: the households of a search as a registry file (one row per member, the columns the import reads), in CSV or
/// xlsx. Personal data is masked for roles that may not see it in full; every export is written to the audit trail.
struct RegistryExportController {
    /// The most households one export may hold; an xlsx is also bounded by the rows a sheet can have.
    static let maximumHouseholds = 1_000_000
    /// Households read, with their members, per step of the export.
    static let householdsPerBatch = 2_000

    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let format: SpreadsheetFormat = (try? request.query.get(String.self, at: "format")) == "xlsx" ? .xlsx : .csv
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let database = request.reportDB
        let query = try await search.query(scope: user.scope, on: database)
        // Counted first, so that a refusal comes before any row is sent and the audit record can say what goes out.
        let households = try await query?.count() ?? 0
        let people = if let query { try await Self.people(in: query) } else { 0 }
        guard households <= Self.maximumHouseholds else {
            throw Abort(.badRequest, reason: "一次最多导出 \(Self.maximumHouseholds) 户（本次 \(households) 户），请缩小范围后再导出。")
        }
        if format == .xlsx, people >= XLSXFileWriter.sheetRowLimit {
            throw Abort(.badRequest, reason: "xlsx 一个工作表最多 \(XLSXFileWriter.sheetRowLimit) 行，本次 \(people) 人：请改用 CSV，或缩小范围后再导出。")
        }
        try await AuditLog.record(
            .export, entityType: "registry", entityID: "", areaCode: user.areaCode.value,
            summary: "导出农户登记表 \(households) 户、\(people) 人（\(format == .csv ? "CSV" : "xlsx")）",
            after: ["q": search.q ?? "", "area": search.area ?? "", "type": search.type ?? "", "status": search.status ?? "",
                    "masked": user.role.seesFullPersonalData ? "否" : "是"],
            actor: request.auditActor, at: request.now, on: request.db
        )
        let (role, scope) = (user.role, user.scope)
        return try await .streamedSpreadsheet(format: format, baseName: "households-\(request.today)", sheetName: "农户登记表", on: request) { emit in
            try await emit([RegistryExport.header])
            // Built again here: a query builder cannot cross into the stream's task.
            guard let query = try await search.query(scope: scope, on: database) else { return }
            try await Self.inBatches(of: query) { batch in
                try await emit(try await Self.memberRows(of: batch, maskedFor: role, on: database))
            }
        }
    }

    /// The people of the households the query finds, summed in the database. Cast back to an integer: PostgreSQL
    /// sums an integer column as NUMERIC, which Fluent's `sum` cannot read as `Int`.
    static func people(in query: QueryBuilder<Household>) async throws -> Int {
        let sum: SQLQueryString = "CAST(COALESCE(SUM(\(ident: Household.schema).\(ident: "member_count")), 0) AS BIGINT)"
        return try await query.copy().aggregate(.custom(SQLAlias(sum, as: SQLIdentifier(FieldKey.aggregate.description))), as: Int.self).get()
    }

    /// The households of the query in village and number order, a batch at a time, each batch starting after the
    /// last household of the one before (the index on village and number serves every step alike).
    static func inBatches(of query: QueryBuilder<Household>, size: Int = householdsPerBatch, _ body: ([Household]) async throws -> Void) async throws {
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
    static func memberRows(of households: [Household], maskedFor role: Role, on database: any Database) async throws -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(households.count * 3)
        let byHousehold = try await MemberRow.present(inHouseholds: households.compactMap(\.id), on: database)
        for household in households {
            guard let id = household.id, let fields = household.registryFields else { continue }
            let ordered = (byHousehold[id] ?? []).sorted { RelationToHead.order($0.relation) < RelationToHead.order($1.relation) }
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
            if let field = PersonalDataField(column: column) { cells[index] = PersonalDataMask.masked(cells[index], as: field) }
        }
    }
}
