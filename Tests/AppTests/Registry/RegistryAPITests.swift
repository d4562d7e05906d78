@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Registry operations through the JSON API")
struct RegistryAPITests {
    @Test("income through the API: refused with every field named, then recorded")
    func income() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let token = try await app.apiToken("village")
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/incomes", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(API.IncomeRequest(year: "2025", amounts: ["wage": "-1", "bonus": "5"]))
                },
                afterResponse: { response in
                    #expect(response.status == .unprocessableEntity)
                    let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                    #expect(body.error.problems?.map(\.field) == ["bonus"])
                })
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/incomes", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.IncomeRequest(year: "2025", amounts: ["wage": "-1", "transfer": "x"]))
                },
                afterResponse: { response in
                    let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                    #expect(Set(body.error.problems?.map(\.field) ?? []) == ["wage", "transfer"])
                })
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/incomes", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.IncomeRequest(year: "2025", amounts: ["wage": "30000", "transfer": "1200.5"]))
                },
                afterResponse: { response in
                    #expect(response.status == .ok)
                    let item = try response.content.decode(API.IncomeItem.self)
                    #expect(item.netIncome == 3_120_050)
                })
        }
    }

    @Test("a registry file through the API: upload, read the problems, commit")
    func importThroughAPI() async throws {
        try await withDemoApp(households: 15) { app in
            let token = try await app.apiToken("county")
            var exported = Data()
            try await app.testing().test(.GET, "api/v1/households/export?format=csv", headers: app.bearer(token)) {
                response in
                #expect(response.status == .ok)
                exported = Data(response.body.readableBytesView)
            }
            var rows = try SpreadsheetReader.rows(from: exported, format: .csv)
            let nameColumn = try #require(rows[0].firstIndex(of: "姓名"))
            rows[1][nameColumn] = "改名测试"
            var batch: API.ImportBatchItem?
            try await app.testing().test(
                .POST, "api/v1/registry/imports?filename=registry.csv", headers: app.bearer(token),
                body: ByteBuffer(data: SpreadsheetWriter.csv(rows))
            ) { response in
                #expect(response.status == .ok)
                batch = try response.content.decode(API.ImportBatchItem.self)
            }
            let previewed = try #require(batch)
            #expect(previewed.status == "previewed")
            #expect(previewed.changedHouseholds == 1 && previewed.changedMembers == 1)
            try await app.testing().test(
                .POST, "api/v1/registry/imports/\(previewed.id)/commit", headers: app.bearer(token)
            ) { response in
                #expect(response.status == .ok)
                let committed = try response.content.decode(API.ImportBatchItem.self)
                #expect(committed.status == "committed")
            }
            #expect(try await Member.query(on: app.db).filter(\.$name == "改名测试").count() == 1)
            let grid = try await app.apiToken("grid")
            try await app.testing().test(.GET, "api/v1/registry/imports/\(previewed.id)", headers: app.bearer(grid)) {
                response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("a visit with an unknown risk code is refused; the quality report counts by rule")
    func visitAndQuality() async throws {
        try await withDemoApp(households: 20) { app in
            let grid = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let token = try await app.apiToken("grid")
            try await app.testing().test(
                .POST, "api/v1/households/\(try household.requireID())/visits", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.VisitRequest(visitedOn: "2026-11-21", findings: "正常", risks: ["poverty"], riskNote: "x"))
                },
                afterResponse: { response in
                    #expect(response.status == .unprocessableEntity)
                    #expect(response.body.string.contains("poverty"))
                })
            let county = try await app.apiToken("county")
            try await app.testing().test(.GET, "api/v1/registry/quality", headers: app.bearer(county)) { response in
                #expect(response.status == .ok)
                let report = try response.content.decode(API.QualityReport.self)
                #expect(report.total == report.counts.values.reduce(0, +))
            }
        }
    }
}
