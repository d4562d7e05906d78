@testable import App
import ConsoleKit
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor

@Suite("Registry and department files from the command line")
struct FileCommandTests {
    private func run(_ command: some AsyncCommand, _ arguments: [String], _ app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["shouwang"] + arguments))
        context.application = app
        try await command.run(using: &context)
    }

    private func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "shouwang-\(UUID().uuidString.prefix(8))-\(name)"
    }

    @Test(
        "an exported county imports back; a changed phone number and a member's corrected ethnicity are imported and audited"
    )
    func exportThenImport() async throws {
        try await withDemoApp(households: 20) { app in
            // setup: export, then change the phone of the first household on all its rows
            let path = temporaryFile("registry.csv")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await run(ExportCommand(), ["--area", "512002000000", "--file", path], app)
            var rows = try SpreadsheetReader.rows(from: Data(contentsOf: URL(fileURLWithPath: path)), format: .csv)
            #expect(rows.count - 1 == (try await Member.query(on: app.db).filter(\.$departedOn == nil).count()))
            let numberColumn = try #require(RegistryColumn.allCases.firstIndex(of: .householdNumber))
            let phoneColumn = try #require(RegistryColumn.allCases.firstIndex(of: .phone))
            let number = rows[1][numberColumn]
            for index in rows.indices.dropFirst() where rows[index][numberColumn] == number {
                rows[index][phoneColumn] = "13912345678"
            }
            // and one member of another household is registered as 彝族 now
            let ethnicityColumn = try #require(RegistryColumn.allCases.firstIndex(of: .ethnicity))
            let idColumn = try #require(RegistryColumn.allCases.firstIndex(of: .idNumber))
            let moved = try #require(rows.indices.dropFirst().last)
            rows[moved][ethnicityColumn] = "彝族"
            let movedID = rows[moved][idColumn]
            try SpreadsheetWriter.csv(rows).write(to: URL(fileURLWithPath: path))
            let audits = try await AuditEvent.query(on: app.db).count()
            // act
            try await run(ImportCommand(), ["--file", path, "--area", "512002000000"], app)
            // check
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$householdNumber == number).first())
            #expect(household.phone == "13912345678")
            #expect(household.version > 1)
            let member = try #require(try await Member.query(on: app.db).filter(\.$idNumber == movedID).first())
            #expect(member.ethnicity == "彝族")
            #expect(try await Household.query(on: app.db).count() == 20)
            #expect(
                try await AuditEvent.query(on: app.db).count() == audits + 3,
                "the two households' changes and the import itself")
        }
    }

    @Test("a department file is refused for a kind its account does not send, and received and screened for its own")
    func departmentFile() async throws {
        try await withDemoApp(households: 20) { app in
            // setup: one person's hospital stay of 60,000 yuan self-paid
            let member = try #require(try await Member.query(on: app.db).sort(\.$idNumber).first())
            let path = temporaryFile("medical.csv")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let header = DepartmentRowParser.templateHeader(for: .medicalSelfPay)
            let cells = [member.idNumber, member.name, "2026-11-01", "60000.00", ""]
            try SpreadsheetWriter.csv([header, Array(cells.prefix(header.count))]).write(to: URL(fileURLWithPath: path))
            // act and check: the medical-insurance account may not send 低保 records
            await #expect(throws: (any Error).self) {
                try await run(
                    DepartmentImportCommand(), ["--file", path, "--kind", "minimumLiving", "--user", "dept"], app)
            }
            try await run(
                DepartmentImportCommand(), ["--file", path, "--kind", "medicalSelfPay", "--user", "dept"], app)
            let batch = try #require(try await DepartmentBatch.query(on: app.db).filter(\.$source == "command").first())
            #expect(batch.status == "accepted")
            #expect(batch.newEvents == 1)
            let leads = try await RiskLead.query(on: app.db).filter(\.$household.$id == member.$household.id).all()
            #expect(leads.contains { $0.riskType == RiskType.illness.rawValue })
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$entityType == "department_batch")
                    .filter(\.$entityID == batch.requireID().uuidString).count() == 1)
        }
    }
}
