@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Risk discovery: department data, screening, leads")
struct DiscoveryTests {
    /// Two members of the demo county, for department rows.
    private func people(_ app: Application, count: Int = 2) async throws -> [Member] {
        let members = try await Member.query(on: app.db).sort(\.$idNumber).limit(count).all()
        #expect(members.count == count)
        return members
    }

    private func upload(
        _ app: Application, _ csv: String, kind: String, as session: BrowserSession
    ) async throws -> DepartmentBatch {
        try await app.uploadDepartmentFile(csv, kind: kind, as: session)
    }

    @Test(
        "a hospital self-pay file raises a lead from the threshold on (5万元以上 includes 50,000), and the same file twice yields the leads once"
    )
    func medicalPushIsIdempotent() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let dept = try await app.signIn("dept")
            let members = try await people(app)
            let csv = """
                身份证号,姓名,日期,金额（元）,说明
                \(members[0].idNumber),\(members[0].name),2026-10-08,56320,住院
                \(members[1].idNumber),\(members[1].name),2026-10-09,50000.00,住院
                """
            let leadsBefore = try await RiskLead.query(on: app.db).count()
            // act
            let first = try await upload(app, csv, kind: "medicalSelfPay", as: dept)
            let afterFirst = try await RiskLead.query(on: app.db).count()
            let second = try await upload(app, csv, kind: "medicalSelfPay", as: dept)
            // check
            #expect(first.status == "accepted" && first.newEvents == 2 && first.matched == 2)
            #expect(second.newEvents == 0 && second.repeatedEvents == 2)
            #expect(try await RiskLead.query(on: app.db).count() == afterFirst)
            let source = try #require(
                try await LeadSource.query(on: app.db).filter(\.$ruleKind == "hospitalSelfPay").all().first {
                    $0.message.contains("56,320")
                })
            #expect(source.message == "住院自付 56,320 元，达到 50,000 元以上")
            #expect(afterFirst > leadsBefore)
            let atThreshold = try await LeadSource.query(on: app.db).filter(\.$ruleKind == "hospitalSelfPay").all()
                .filter { $0.message == "住院自付 50,000 元，达到 50,000 元以上" }
            #expect(atThreshold.count == 1)
        }
    }

    @Test("a department file with one bad row is refused whole with that row named")
    func badDepartmentRow() async throws {
        try await withDemoApp(households: 10) { app in
            let dept = try await app.signIn("dept")
            let members = try await people(app)
            let events = try await DepartmentEventRecord.query(on: app.db).count()
            let batch = try await upload(
                app,
                """
                身份证号,姓名,日期,金额（元）
                \(members[0].idNumber),\(members[0].name),2026-10-08,1200
                \(members[1].idNumber),\(members[1].name),2099-01-01,-5
                """, kind: "medicalSelfPay", as: dept)
            #expect(batch.status == "refused")
            #expect(batch.problemsJSON.contains("\"row\":3"))
            #expect(try await DepartmentEventRecord.query(on: app.db).count() == events)
            try await app.testing().test(.GET, "departments/batches/\(try batch.requireID())", headers: dept.headers) {
                response in
                #expect(response.body.string.contains("未接收任何数据"))
            }
        }
    }

    @Test("a lead goes village → township → county; a rejection needs its reason; each level acts only on its own step")
    func workflow() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: a hotline report about a household of the demo village
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let villageSession = try await app.signIn("village")
            try await app.testing().test(
                .POST, "households/\(try household.requireID())/leads", headers: villageSession.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "channel": "hotline", "risk": "illness", "description": "户主突发脑出血住院", "reporter": "户主之子",
                            FormProtection.fieldName: villageSession.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == household.requireID()).filter(
                    \.$riskType == "illness"
                ).first())
            #expect(lead.state == "awaitingVillageCheck")
            #expect(lead.stepDueAt == testNow.addingTimeInterval(24 * 3600))
            // no overall limit for hotline leads: due when all three steps would end (24 h, then 2 + 2 working days)
            #expect(lead.dueAt > lead.stepDueAt.addingTimeInterval(4 * 24 * 3600))
            let id = try lead.requireID()
            func act(_ session: BrowserSession, _ action: String, _ text: String) async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await app.testing().test(
                    .POST, "leads/\(id)/actions", headers: session.formHeaders,
                    beforeRequest: { request in
                        try request.content.encode(
                            ["action": action, "text": text, FormProtection.fieldName: session.csrf],
                            as: .urlEncodedForm)
                    }, afterResponse: { response in status = response.status })
                return status
            }
            let town = try await app.signIn("town")
            let county = try await app.signIn("county")
            // act & check
            #expect(try await act(town, "confirm", "越级") == .unprocessableEntity)
            #expect(try await act(villageSession, "reject", "") == .unprocessableEntity)
            #expect(try await act(villageSession, "confirm", "入户核实属实") == .seeOther)
            #expect(try await act(town, "confirm", "复核属实") == .seeOther)
            #expect(try await act(county, "confirm", "纳入监测") == .seeOther)
            let closed = try #require(try await RiskLead.find(id, on: app.db))
            #expect(closed.state == "included")
            #expect(closed.closedAt != nil)
            #expect(try await LeadStep.query(on: app.db).filter(\.$lead.$id == id).count() == 3)
            #expect(try await act(county, "reject", "再办") == .unprocessableEntity)
        }
    }

    @Test("several channels about one household and risk make one lead with corroborating sources")
    func merging() async throws {
        try await withDemoApp(households: 30) { app in
            let grid = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let id = try household.requireID()
            let gridSession = try await app.signIn("grid")
            try await app.testing().test(
                .POST, "households/\(id)/visits", headers: gridSession.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "visited_on": "2026-11-21", "findings": "户主住院", "risks[]": "illness", "risk_note": "户主住院治疗",
                            FormProtection.fieldName: gridSession.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let village = try await app.signIn("village")
            try await app.testing().test(
                .POST, "households/\(id)/leads", headers: village.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "channel": "selfReport", "risk": "illness", "description": "本人申请：住院花费大",
                            FormProtection.fieldName: village.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let leads = try await RiskLead.query(on: app.db).filter(\.$household.$id == id).filter(
                \.$riskType == "illness"
            ).all()
            #expect(leads.count == 1)
            #expect(leads.first?.sourceCount == 2)
            #expect(leads.first?.channel == "gridVisit")
            let sources = try await LeadSource.query(on: app.db).filter(\.$lead.$id == leads[0].requireID()).all()
            #expect(Set(sources.map(\.channel)) == ["gridVisit", "selfReport"])
        }
    }

    @Test(
        "leads outside the area are not found, departments do not read the ledger, and an overdue lead is on the warning list"
    )
    func scopeAndWarning() async throws {
        try await withDemoApp(households: 40) { app in
            let town = try await app.user("town")
            let outside = try await app.household(inTownship: town.areaCode, inside: false)
            let county = try await app.signIn("county")
            try await app.testing().test(
                .POST, "households/\(try outside.requireID())/leads", headers: county.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "channel": "socialSupervision", "risk": "disability", "description": "人大代表反映：残疾无人照料",
                            FormProtection.fieldName: county.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == outside.requireID()).first())
            let townSession = try await app.signIn("town")
            try await app.testing().test(.GET, "leads/\(try lead.requireID())", headers: townSession.headers) {
                response in
                #expect(response.status == .notFound)
            }
            let dept = try await app.signIn("dept")
            try await app.testing().test(.GET, "leads", headers: dept.headers) { response in
                #expect(response.status == .forbidden)
            }
            // three days later the village has not checked it: overdue, and the township is to be told
            app.clock = .fixed(testNow.addingTimeInterval(3 * 24 * 3600))
            let later = try await app.signIn("county")
            try await app.testing().test(.GET, "leads/warning", headers: later.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(outside.headName))
                #expect(response.body.string.contains("已超期"))
                #expect(response.body.string.contains("乡镇复核"))
            }
        }
    }

    @Test(
        "the exchange page shows who is late; a county sets its own cadence, weekly or monthly, which no other area inherits"
    )
    func cadence() async throws {
        try await withDemoApp(households: 10) { app in
            let county = try await app.signIn("county")
            try await app.testing().test(.GET, "departments", headers: county.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("逾期未报"))
            }
            try await app.testing().test(
                .POST, "departments/cadences", headers: county.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "department": "education", "pattern": "weekly", "value": "4",
                            FormProtection.fieldName: county.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let today = ChinaTime.civilDate(of: testNow)
            let tables = try await ExchangeSchedule.tables(on: app.db)
            let education = try #require(tables[Department.education.rawValue])
            let countyCode = try #require(
                try await User.query(on: app.db).filter(\.$username == "county").first().flatMap {
                    AreaCode($0.areaCode)
                })
            #expect(education.value(at: countyCode, on: today) == .weekly(weekday: 4))
            let elsewhere = try #require(AreaCode("110101000000"))
            #expect(
                education.value(at: elsewhere, on: today) == .everyDays(62), "another county keeps the national row")
            try await app.testing().test(.GET, "departments", headers: county.headers) { response in
                #expect(response.body.string.contains("每周四"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entityType == "exchange_cadence").count() == 1)
            let dept = try await app.signIn("dept")
            try await app.testing().test(
                .POST, "departments/cadences", headers: dept.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "department": "education", "pattern": "everyDays", "value": "300",
                            FormProtection.fieldName: dept.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .forbidden) })
        }
    }

    @Test("the half-monthly warning list names the households flagged in the half month, and exports them")
    func halfMonthlyList() async throws {
        try await withDemoApp(households: 20) { app in
            let county = try await app.signIn("county")
            let household = try #require(try await Household.query(on: app.db).sort(\.$householdNumber).first())
            try await app.testing().test(
                .POST, "households/\(try household.requireID())/leads", headers: county.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "channel": "selfReport", "risk": "illness", "description": "户主突发重病",
                            FormProtection.fieldName: county.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            // testNow is 2026-11-22: the second half of November
            try await app.testing().test(.GET, "leads/warning", headers: county.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("2026年11月下半月（16日–30日）预警名单"))
                #expect(response.body.string.contains(household.householdNumber))
            }
            try await app.testing().test(.GET, "leads/warning?half=2026-11-01", headers: county.headers) { response in
                #expect(response.body.string.contains("2026年11月上半月（1日–15日）预警名单"))
                #expect(!response.body.string.contains(household.householdNumber))
            }
            try await app.testing().test(.GET, "leads/warning?format=csv&list=flagged", headers: county.headers) {
                response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(household.householdNumber))
                #expect(response.body.string.contains("农户自主申报"))
            }
        }
    }

    @Test("a dry run of a lower self-pay threshold counts per village and files no lead")
    func dryRun() async throws {
        try await withDemoApp(households: 20) { app in
            let county = try await app.signIn("county")
            let leads = try await RiskLead.query(on: app.db).count()
            try await app.testing().test(
                .POST, "screening/dry-run", headers: county.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "kind": "hospitalSelfPay", "parameter": "thresholdFen", "value": "10000",
                            "effective_from": "2026-11-22",
                            FormProtection.fieldName: county.csrf,
                        ], as: .urlEncodedForm)
                },
                afterResponse: { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains("现行合计"))
                })
            #expect(try await RiskLead.query(on: app.db).count() == leads)
            #expect(try await ScreeningRun.query(on: app.db).filter(\.$dryRun == true).count() == 2)
        }
    }
}
