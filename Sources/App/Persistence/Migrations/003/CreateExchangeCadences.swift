import Domain
import Fluent

/// How often each department is expected to send data (数据交换频次), as data. Seeded from the seeds: monthly pushes
/// from medical insurance, civil affairs and the disabled persons' federation (S0, S1), every two months for the
/// others (S2). A county that agrees on weekly exchange (S4) changes its rows.
struct CreateExchangeCadences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExchangeCadence.schema)
            .id()
            .field("department", .string, .required)
            .field("every_days", .int, .required)
            .field("source", .string, .required)
            .unique(on: "department")
            .create()
        let monthly: Set<Department> = [.medicalInsurance, .civilAffairs, .disabledFederation]
        for department in Department.allCases {
            let cadence = ExchangeCadence()
            cadence.department = department.rawValue
            cadence.everyDays = monthly.contains(department) ? 31 : 62
            cadence.source = monthly.contains(department) ? "S0/S1：月度推送" : "S2：每两个月交换"
            try await cadence.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExchangeCadence.schema).delete()
    }
}
