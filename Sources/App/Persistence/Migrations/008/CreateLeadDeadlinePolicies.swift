import Domain
import Fluent
import Foundation
import SQLKit

/// 线索办理时限 as administered rows: per scope (national, province, county) and period, each with its source. The
/// national row of 2021 is the starting configuration; administrators add a province's or county's rows.
struct CreateLeadDeadlinePolicies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LeadDeadlinePolicyRecord.schema)
            .id()
            .field("scope_code", .string)
            .field("effective_from", .string, .required)
            .field("effective_to", .string)
            .field("value_json", .string, .required)
            .field("source", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        // Written with this migration's columns, not through the model, which may gain fields later.
        let sql = try database.sql
        for row in LeadDeadlinePolicy.seededRows {
            try await sql.insert(into: LeadDeadlinePolicyRecord.schema)
                .columns(
                    "id", "scope_code", "effective_from", "effective_to", "value_json", "source", "created_by",
                    "created_at"
                )
                .values(
                    SQLBind(UUID()), SQLBind(row.scope?.value), SQLBind(row.effectiveFrom.description),
                    SQLBind(row.effectiveTo?.description),
                    SQLBind(String(decoding: try JSONEncoder().encode(row.value), as: UTF8.self)),
                    SQLBind("中农组发〔2021〕7号：部门数据与系统筛查 5 个工作日内完成研判；自主申报、热线、走访即时响应"), SQLBind("system"),
                    SQLBind(Date())
                )
                .run()
        }
        try await database.schema(MonitoringLineRecord.schema).field("created_by", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MonitoringLineRecord.schema).deleteField("created_by").update()
        try await database.schema(LeadDeadlinePolicyRecord.schema).delete()
    }
}
