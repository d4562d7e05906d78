@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Registry records: income, guarantees, visits, contacts")
struct RegistryRecordTests {
    @Test(
        "an income year is recorded with per-capita net income computed, and bad amounts are named and change nothing")
    func income() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let members = try await Member.query(on: app.db).filter(\.$household.$id == id).count()
            let session = try await app.signIn("village")
            let before = try await IncomeRecord.query(on: app.db).count()
            // act: bad input
            try await app.postForm(
                "households/\(id)/incomes", as: session, ["year": "2027", "wage": "-5", "business": "12abc"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                #expect(body.contains("年度 2027 晚于今年"))
                #expect(body.contains("工资性收入不能为负数"))
                #expect(body.contains("生产经营性收入「12abc」不是有效金额"))
            }
            #expect(try await IncomeRecord.query(on: app.db).count() == before)
            // act: good input corrects the demo's 2025 figures, naming the record it replaces
            let replaced = try #require(
                try await RegistryRecordService.existingIncome(year: "2025", household: household, on: app.db))
            try await app.postForm(
                "households/\(id)/incomes", as: session,
                [
                    "year": "2025", "wage": "24,000", "business": "6000", "productionCosts": "2000.50",
                    "transfer": "1200",
                    "replaces": try replaced.requireID().uuidString.lowercased(), "reason": "入户核实",
                ]
            ) { response in
                #expect(response.status == .seeOther)
            }
            // check
            let record = try #require(
                try await IncomeRecord.query(on: app.db).filter(\.$household.$id == id).filter(
                    \.$periodStart == "2025-01-01"
                ).first())
            #expect(record.netIncome == 29_199_50)
            #expect(record.perCapitaNet == (Money(fen: 29_199_50).divided(by: members)?.fen ?? -1))
            #expect(try await IncomeRecord.query(on: app.db).count() == before)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == id.uuidString).filter(
                \.$action == "update"
            ).all()
            #expect(audit.contains { $0.summary.contains("更正 2025 年收支") && $0.beforeJSON != nil })
        }
    }

    @Test(
        "an income year already recorded opens filled in, and is corrected only knowingly, with a reason, audited before and after"
    )
    func incomeCorrection() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID().uuidString.lowercased()
            let session = try await app.signIn("village")
            let original = try #require(
                try await RegistryRecordService.existingIncome(year: "2025", household: household, on: app.db))
            let originalWage = original.wage
            // act: the form for 2025 shows the recorded figures
            var form = try BrowserForm.named(
                "/households/\(id)/incomes",
                in: try await app.page("households/\(id)/incomes/new?year=2025", as: session))
            // check
            #expect(form.value("wage") == Money(fen: originalWage).description)
            #expect(form.value("replaces") == (try original.requireID().uuidString.lowercased()))
            // act: a form that did not show the record (typed a year over another) is refused and changes nothing
            try await app.postForm("households/\(id)/incomes", as: session, ["year": "2025", "wage": "1"]) { response in
                #expect(response.status == .conflict)
                #expect(response.body.string.contains("2025 年已有收支记录"))
            }
            #expect(try await IncomeRecord.find(original.requireID(), on: app.db)?.wage == originalWage)
            // act: without a reason
            form.set("wage", "30000")
            try await app.submit(form, as: session) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("须填写更正原因"))
            }
            // act: with a reason
            form.set("reason", "入户核实后工资性收入有误")
            try await app.submit(form, as: session) { response in
                #expect(response.status == .seeOther)
            }
            // check
            let corrected = try #require(try await IncomeRecord.find(original.requireID(), on: app.db))
            #expect(corrected.wage == 30_000_00)
            let audit = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$entityID == household.requireID().uuidString).filter(
                    \.$action == "update"
                ).all().last { $0.summary.contains("更正 2025 年收支") })
            #expect(audit.reason == "入户核实后工资性收入有误")
            #expect(audit.beforeJSON?.contains("\"wage\":\"\(originalWage)\"") == true)
            #expect(audit.afterJSON?.contains("\"wage\":\"3000000\"") == true)
            let page = try await app.page("households/\(id)", as: session)
            #expect(page.contains("<span>工资性收入</span>：\(DisplayFormat.yuan(fen: originalWage)) → 30,000.00 元"))
            #expect(page.contains("理由：入户核实后工资性收入有误"))
        }
    }

    @Test("a housing assessment needs a grade, and C is recorded as not secured")
    func housing() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let session = try await app.signIn("village")
            try await app.postForm(
                "households/\(id)/guarantees", as: session, ["kind": "housingSafety", "assessed_on": "2026-11-20"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("请选择住房安全等级"))
            }
            try await app.postForm(
                "households/\(id)/guarantees", as: session,
                ["kind": "housingSafety", "assessed_on": "2026-11-20", "housing_grade": "C"]
            ) { response in
                #expect(response.status == .seeOther)
            }
            let latest = try #require(
                try await GuaranteeRecord.query(on: app.db).filter(\.$household.$id == id).filter(
                    \.$kind == "housingSafety"
                ).sort(\.$assessedOn, .descending).first())
            #expect(latest.secured == false)
            #expect(latest.housingGrade == "C")
            try await app.testing().test(.GET, "households/\(id)", headers: session.headers) { response in
                #expect(response.body.string.contains("未达标"))
            }
        }
    }

    @Test("a grid worker records a visit with a risk; a visit dated tomorrow is refused")
    func visit() async throws {
        try await withDemoApp(households: 30) { app in
            let grid = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let id = try household.requireID()
            let session = try await app.signIn("grid")
            let before = try await Visit.query(on: app.db).count()
            try await app.postForm(
                "households/\(id)/visits", as: session, ["visited_on": "2026-11-23", "findings": "正常"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("晚于今天"))
            }
            var location = ""
            try await app.postForm(
                "households/\(id)/visits", as: session,
                ["visited_on": "2026-11-22", "findings": "户主住院", "risks[]": "illness", "risk_note": "户主突发重病住院"]
            ) { response in
                #expect(
                    response.status == .seeOther,
                    "\(response.body.string.components(separatedBy: "flash-error").last?.prefix(300) ?? "")")
                location = response.headers.first(name: .location) ?? ""
            }
            // the household page then confirms the visit and the lead it raised
            let confirmation = try await app.page(String(location.drop { $0 == "/" }), as: session)
            #expect(confirmation.contains("走访已保存，已生成线索"))
            #expect(try await Visit.query(on: app.db).count() == before + 1)
            let visit = try #require(
                try await Visit.query(on: app.db).filter(\.$household.$id == id).filter(\.$visitedOn == "2026-11-22")
                    .first())
            #expect(visit.risks == "illness")
            #expect(visit.visitorRole == "grid")
        }
    }

    @Test("a supervisor cannot record anything, and a grid worker cannot assign contacts")
    func permissions() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let supervisor = try await app.signIn("supervisor")
            try await app.postForm(
                "households/\(id)/visits", as: supervisor, ["visited_on": "2026-11-22", "findings": "x"]
            ) { response in
                #expect(response.status == .forbidden)
            }
            let grid = try await app.signIn("grid")
            let contact = try await app.user("contact")
            try await app.postForm(
                "households/\(id)/contact", as: grid, ["user_id": try contact.requireID().uuidString]
            ) { response in
                #expect([.forbidden, .notFound].contains(response.status))
            }
        }
    }

    @Test("the village assigns a monitoring contact; reassigning ends the earlier assignment")
    func contact() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).sort(
                    \.$householdNumber
                ).all().last)
            let id = try household.requireID()
            let contact = try await app.user("contact")
            let session = try await app.signIn("village")
            try await app.postForm(
                "households/\(id)/contact", as: session, ["user_id": try contact.requireID().uuidString]
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await app.postForm(
                "households/\(id)/contact", as: session, ["user_id": try village.requireID().uuidString]
            ) { response in
                #expect(response.status == .unprocessableEntity)
            }
            let open = try await ContactAssignment.query(on: app.db).filter(\.$household.$id == id).filter(
                \.$endedOn == nil
            ).all()
            #expect(open.count == 1)
            #expect(open.first?.$user.id == contact.id)
        }
    }
}
