@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Registry export: streamed a batch of households at a time")
struct RegistryExportTests {
    @Test("batches visit every household once, in village and number order, across villages and within one")
    func batchesVisitEveryHouseholdOnce() async throws {
        try await withDemoApp(households: 300) { app in
            // setup
            let expected = try await Household.query(on: app.db).sort(\.$villageCode).sort(\.$householdNumber).all()
                .map(\.householdNumber)
            let villages = Dictionary(grouping: try await Household.query(on: app.db).all(), by: \.villageCode)
            #expect(
                villages.values.contains { $0.count > 1 },
                "a village with more households than a batch of one, so a batch ends inside it")
            for size in [1, 7, 300, 301] {
                // act
                var visited: [String] = []
                var batches = 0
                try await RegistryExportStore.inBatches(of: Household.query(on: app.db), size: size) { batch in
                    visited += batch.map(\.householdNumber)
                    batches += 1
                }
                // check
                #expect(visited == expected, "batches of \(size)")
                #expect(batches == (expected.count + size - 1) / size, "batches of \(size)")
            }
        }
    }

    @Test("the CSV and xlsx downloads hold every present member once, and the audit record says how many")
    func downloads() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let county = try await app.signIn("county")
            let members = try await Member.query(on: app.db).filter(\.$departedOn == nil).count()
            for format in [SpreadsheetFormat.csv, .xlsx] {
                // act
                var rows: [[String]] = []
                try await app.testing().test(
                    .GET, "households/export?format=\(format == .csv ? "csv" : "xlsx")", headers: county.headers
                ) { response in
                    #expect(response.status == .ok)
                    #expect(
                        response.headers.first(name: .contentDisposition)?.contains(format == .csv ? ".csv" : ".xlsx")
                            == true)
                    rows = try SpreadsheetReader.rows(from: Data(response.body.readableBytesView), format: format)
                }
                // check
                #expect(rows.first == RegistryExport.header)
                #expect(rows.count == members + 1, "\(format)")
                let idColumn = try #require(RegistryExport.header.firstIndex(of: RegistryColumn.idNumber.header))
                #expect(Set(rows.dropFirst().map { $0[idColumn] }).count == members, "no member twice")
            }
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == AuditLog.Action.export.rawValue)
                .all()
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.summary.contains("30 户") && $0.summary.contains("\(members) 人") })
        }
    }

    @Test("an export link's click token comes back as a cookie when the file begins; anything else is not echoed")
    func downloadToken() async throws {
        try await withDemoApp(households: 5) { app in
            // setup
            let county = try await app.signIn("county")
            for (path, token, echoed) in [
                ("households/export?format=csv", "lq3x9a7b2c", true), ("leads/export?format=xlsx", "k2j4h6g8f0", true),
                ("leads/warning?format=xlsx", "m1n2b3v4c5", true),
                ("households/export?format=csv", "a;b=c%0d%0aX", false),
                ("households/export?format=csv", "short", false),
            ] {
                // act
                try await app.testing().test(.GET, path + "&download=" + token, headers: county.headers) { response in
                    // check
                    #expect(response.status == .ok, "\(path)")
                    let cookie = response.headers[.setCookie].first { $0.hasPrefix("shouwang_download=") }
                    if echoed {
                        #expect(cookie?.hasPrefix("shouwang_download=\(token);") == true, "\(path)")
                        #expect(cookie?.contains("HttpOnly") == false && cookie?.contains("SameSite=Strict") == true)
                    } else {
                        #expect(cookie == nil, "\(token)")
                    }
                }
            }
        }
    }
}
