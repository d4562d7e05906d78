@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Registry records: income, guarantees, visits, contacts")
struct RegistryRecordTests {
    @Test("an income year is recorded with per-capita net income computed, and bad amounts are named and change nothing")
    func income() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let village = try await app.user("village")
            let household = try #require(try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let members = try await Member.query(on: app.db).filter(\.$household.$id == id).count()
            let session = try await app.signIn("village")
            let before = try await IncomeRecord.query(on: app.db).count()
            // act: bad input
            try await app.postForm("households/\(id)/incomes", as: session, ["year": "2027", "wage": "-5", "business": "12abc"]) { response in
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                #expect(body.contains("年度 2027 晚于今年"))
                #expect(body.contains("工资性收入不能为负数"))
                #expect(body.contains("生产经营性收入「12abc」不是有效金额"))
            }
            #expect(try await IncomeRecord.query(on: app.db).count() == before)
            // act: good input replaces the demo's 2025 figures
            try await app.postForm("households/\(id)/incomes", as: session, ["year": "2025", "wage": "24,000", "business": "6000", "productionCosts": "2000.50", "transfer": "1200"]) { response in
                #expect(response.status == .seeOther)
            }
            // check
            let record = try #require(try await IncomeRecord.query(on: app.db).filter(\.$household.$id == id).filter(\.$periodStart == "2025-01-01").first())
            #expect(record.netIncome == 29_199_50)
            #expect(record.perCapitaNet == (Money(fen: 29_199_50).divided(by: members)?.fen ?? -1))
            #expect(try await IncomeRecord.query(on: app.db).count() == before)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == id.uuidString).filter(\.$action == "update").all()
            #expect(audit.contains { $0.summary.contains("更正 2025 年收支") && $0.beforeJSON != nil })
        }
    }

    @Test("a housing assessment needs a grade, and C is recorded as not secured")
    func housing() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let session = try await app.signIn("village")
            try await app.postForm("households/\(id)/guarantees", as: session, ["kind": "housingSafety", "assessed_on": "2026-11-20"]) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("请选择住房安全等级"))
            }
            try await app.postForm("households/\(id)/guarantees", as: session, ["kind": "housingSafety", "assessed_on": "2026-11-20", "housing_grade": "C"]) { response in
                #expect(response.status == .seeOther)
            }
            let latest = try #require(try await GuaranteeRecord.query(on: app.db).filter(\.$household.$id == id).filter(\.$kind == "housingSafety").sort(\.$assessedOn, .descending).first())
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
            let household = try #require(try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            let id = try household.requireID()
            let session = try await app.signIn("grid")
            let before = try await Visit.query(on: app.db).count()
            try await app.postForm("households/\(id)/visits", as: session, ["visited_on": "2026-11-23", "findings": "正常"]) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("晚于今天"))
            }
            try await app.postForm("households/\(id)/visits", as: session, ["visited_on": "2026-11-22", "findings": "户主住院", "risks[]": "illness", "risk_note": "户主突发重病住院"]) { response in
                #expect(response.status == .seeOther, "\(response.body.string.components(separatedBy: "flash-error").last?.prefix(300) ?? "")")
            }
            #expect(try await Visit.query(on: app.db).count() == before + 1)
            let visit = try #require(try await Visit.query(on: app.db).filter(\.$household.$id == id).filter(\.$visitedOn == "2026-11-22").first())
            #expect(visit.risks == "illness")
            #expect(visit.visitorRole == "grid")
        }
    }

    @Test("a supervisor cannot record anything, and a grid worker cannot assign contacts")
    func permissions() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let id = try household.requireID()
            let supervisor = try await app.signIn("supervisor")
            try await app.postForm("households/\(id)/visits", as: supervisor, ["visited_on": "2026-11-22", "findings": "x"]) { response in
                #expect(response.status == .forbidden)
            }
            let grid = try await app.signIn("grid")
            let contact = try await app.user("contact")
            try await app.postForm("households/\(id)/contact", as: grid, ["user_id": try contact.requireID().uuidString]) { response in
                #expect([.forbidden, .notFound].contains(response.status))
            }
        }
    }

    @Test("the village assigns a monitoring contact; reassigning ends the earlier assignment")
    func contact() async throws {
        try await withDemoApp(households: 20) { app in
            let village = try await app.user("village")
            let household = try #require(try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).sort(\.$householdNumber).all().last)
            let id = try household.requireID()
            let contact = try await app.user("contact")
            let session = try await app.signIn("village")
            try await app.postForm("households/\(id)/contact", as: session, ["user_id": try contact.requireID().uuidString]) { response in
                #expect(response.status == .seeOther)
            }
            try await app.postForm("households/\(id)/contact", as: session, ["user_id": try village.requireID().uuidString]) { response in
                #expect(response.status == .unprocessableEntity)
            }
            let open = try await ContactAssignment.query(on: app.db).filter(\.$household.$id == id).filter(\.$endedOn == nil).all()
            #expect(open.count == 1)
            #expect(open.first?.$user.id == contact.id)
        }
    }
}
