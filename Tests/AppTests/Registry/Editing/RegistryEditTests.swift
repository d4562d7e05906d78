@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Editing households and members")
struct RegistryEditTests {
    private func villageHousehold(_ app: Application) async throws -> Household {
        let village = try await app.user("village")
        return try #require(
            try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode)
                .filter(\.$householdType == HouseholdType.ordinary.rawValue).sort(\.$householdNumber).first())
    }

    @Test("a household edit is checked like an imported row and audited with before and after")
    func editHousehold() async throws {
        try await withDemoApp(households: 30) { app in
            let household = try await villageHousehold(app)
            let id = try household.requireID()
            let session = try await app.signIn("village")
            try await app.postForm(
                "households/\(id)", as: session,
                ["householdType": "一般农户", "alleviatedYear": "2018", "address": "", "phone": "12345"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                #expect(body.contains("脱贫年度"))
                #expect(body.contains("住址"))
                #expect(body.contains("联系电话"))
            }
            let unchanged = try #require(try await Household.find(id, on: app.db))
            #expect(unchanged.address == household.address)
            try await app.postForm(
                "households/\(id)", as: session,
                ["householdType": "一般农户", "alleviatedYear": "", "address": "新地址 8 号", "phone": "13900001111"]
            ) { response in
                #expect(response.status == .seeOther)
            }
            let changed = try #require(try await Household.find(id, on: app.db))
            #expect(changed.address == "新地址 8 号")
            #expect(changed.phone == "13900001111")
            #expect(changed.version == household.version + 1)
            let audit = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$entityID == id.uuidString).filter(
                    \.$summary == "修改户信息"
                ).first())
            #expect(audit.beforeJSON?.contains(household.address) == true)
            #expect(audit.afterJSON?.contains("新地址 8 号") == true)
        }
    }

    @Test("adding a member: a bad identity number and a second head are refused with their fields named")
    func addMember() async throws {
        try await withDemoApp(households: 30) { app in
            let household = try await villageHousehold(app)
            let id = try household.requireID()
            let session = try await app.signIn("village")
            let child = try IdentityNumber.make(
                region: "512002", birth: try #require(CivilDate(year: 2020, month: 9, day: 9)), sequence: 311)
            let base = [
                "name": "新生儿", "ethnicity": "汉族", "education": "文盲或半文盲", "health[]": "healthy",
                "labourCapacity": "无劳动力", "medicalInsurance": "on",
            ]
            try await app.postForm(
                "households/\(id)/members", as: session,
                base.merging(["idNumber": "51200220200909311", "relation": "户主"]) { $1 }
            ) { response in
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                #expect(body.contains("身份证号"))
                #expect(body.contains("应为18位，实际为17位"))
            }
            try await app.postForm(
                "households/\(id)/members", as: session,
                base.merging(["idNumber": child.value, "relation": "户主"]) { $1 }
            ) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("本户已有户主"))
            }
            try await app.postForm(
                "households/\(id)/members", as: session,
                base.merging(["idNumber": child.value, "relation": "之孙子"]) { $1 }
            ) { response in
                #expect(response.status == .seeOther)
            }
            let updated = try #require(try await Household.find(id, on: app.db))
            #expect(updated.memberCount == household.memberCount + 1)
            let added = try #require(try await Member.query(on: app.db).filter(\.$idNumber == child.value).first())
            #expect(added.sex == "male")
            #expect(added.birthDate == "2020-09-09")
        }
    }

    @Test("a member who moves away is kept on record, no longer counted; the head cannot simply leave")
    func departure() async throws {
        try await withDemoApp(households: 30) { app in
            let households = try await Household.query(on: app.db).filter(\.$memberCount >= 2).all()
            let village = try await app.user("village")
            let household = try #require(households.first { $0.villageCode == village.areaCode })
            let members = try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).all()
            let head = try #require(members.first { $0.relation == "head" })
            let other = try #require(members.first { $0.relation != "head" })
            let session = try await app.signIn("village")
            try await app.postForm(
                "members/\(try head.requireID())/depart", as: session, ["departed_on": "2026-10-01", "reason": "迁出"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("户主不能直接减员"))
            }
            try await app.postForm(
                "members/\(try other.requireID())/depart", as: session, ["departed_on": "2026-10-01", "reason": "迁出"]
            ) { response in
                #expect(response.status == .seeOther)
            }
            let kept = try #require(try await Member.find(other.id, on: app.db))
            #expect(kept.departedOn == "2026-10-01")
            #expect(try await Household.find(household.id, on: app.db)?.memberCount == household.memberCount - 1)
            try await app.testing().test(.GET, "members/\(try other.requireID())/edit", headers: session.headers) {
                response in
                #expect(response.status == .conflict)
            }
        }
    }

    @Test("a person registered outside the user's area is refused without saying where")
    func conflictDoesNotLeak() async throws {
        try await withDemoApp(households: 40) { app in
            let town = try await app.user("town")
            let outside = try await app.household(inTownship: town.areaCode, inside: false)
            let stranger = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == outside.requireID()).first())
            let inside = try await app.household(inTownship: town.areaCode)
            let session = try await app.signIn("town")
            var body = [
                "name": stranger.name, "idNumber": stranger.idNumber, "relation": "其他", "ethnicity": "汉族",
                "education": "初中",
                "health[]": "healthy", "labourCapacity": "普通劳动力",
            ]
            body[FormProtection.fieldName] = session.csrf
            let form = body
            try await app.testing().test(
                .POST, "households/\(try inside.requireID())/members", headers: session.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(form, as: .urlEncodedForm)
                },
                afterResponse: { response in
                    #expect(response.status == .unprocessableEntity)
                    #expect(response.body.string.contains("管辖范围以外登记"))
                    #expect(!response.body.string.contains(outside.householdNumber))
                })
        }
    }

    @Test("a member outside the user's area is not found")
    func memberScope() async throws {
        try await withDemoApp(households: 30) { app in
            let town = try await app.user("town")
            let outside = try await app.household(inTownship: town.areaCode, inside: false)
            let member = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == outside.requireID()).first())
            let session = try await app.signIn("town")
            try await app.testing().test(.GET, "members/\(try member.requireID())/edit", headers: session.headers) {
                response in
                #expect(response.status == .notFound)
            }
        }
    }
}
