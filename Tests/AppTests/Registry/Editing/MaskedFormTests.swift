@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("One masking rule for pages, edit forms, the API and histories")
struct MaskedFormTests {
    /// A household of the grid worker's grid with a phone and an account, and its head.
    private func gridHousehold(_ app: Application) async throws -> (Household, Member) {
        let grid = try await app.user("grid")
        let household = try #require(
            try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).sort(\.$householdNumber).first())
        household.phone = "13912345678"
        household.bankAccount = "6217000012345678901"
        try await household.save(on: app.db)
        let members = try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).filter(
            \.$departedOn == nil
        ).all()
        let head = try #require(members.first { $0.relation == RelationToHead.head.rawValue } ?? members.first)
        return (household, head)
    }

    @Test(
        "a grid worker's edit forms show personal data masked, health not at all, and no birth date beside the masked number"
    )
    func gridWorkerFormsAreMasked() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let (household, head) = try await gridHousehold(app)
            let grid = try await app.signIn("grid")
            // act, check: the household form
            try await app.testing().test(.GET, "households/\(try household.requireID())/edit", headers: grid.headers) {
                response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(!body.contains("13912345678") && !body.contains("6217000012345678901"))
                #expect(body.contains(PersonalDataMask.phone("13912345678")))
            }
            // act, check: the member form
            try await app.testing().test(.GET, "members/\(try head.requireID())/edit", headers: grid.headers) {
                response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(!body.contains(head.idNumber))
                #expect(body.contains(PersonalDataMask.identityNumber(head.idNumber)))
                #expect(!body.contains("name=\"health[]\"") && !body.contains("name=\"health\""))
                #expect(!body.contains(head.birthDate))
            }
            // check: the household page and the API never put the birth date beside the masked number
            try await app.testing().test(.GET, "households/\(try household.requireID())", headers: grid.headers) {
                response in
                #expect(!response.body.string.contains(head.birthDate))
            }
            let token = try await app.apiToken("grid")
            try await app.testing().test(
                .GET, "api/v1/households/\(try household.requireID())?reveal=true", headers: app.bearer(token)
            ) { response in
                let body = response.body.string
                #expect(response.status == .ok)
                #expect(
                    !body.contains(head.idNumber) && !body.contains(head.birthDate) && !body.contains("13912345678"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "view_personal_data").count() == 0)
        }
    }

    @Test(
        "a grid worker's form sent back with the masked values unchanged keeps the stored data and changes only what was retyped"
    )
    func maskedValuesSentBackKeepTheStoredData() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let (household, head) = try await gridHousehold(app)
            let id = try household.requireID()
            let grid = try await app.signIn("grid")
            let healthBefore = head.health
            // act: the household form as shown, with a new address
            try await app.postForm(
                "households/\(id)", as: grid,
                [
                    "householdType": try #require(HouseholdType(rawValue: household.householdType)).label,
                    "alleviatedYear": household.alleviatedYear.map(String.init) ?? "",
                    "address": "新地址 9 号", "phone": PersonalDataMask.phone("13912345678"),
                    "bankAccount": PersonalDataMask.bankAccount("6217000012345678901"),
                    "groupCode": household.groupCode ?? "", "gridCode": household.gridCode ?? "",
                ]
            ) { response in
                #expect(response.status == .seeOther)
            }
            // act: the member form as shown (masked number, no health fields), with a new work place
            let memberForm = [
                "name": head.name, "idNumber": PersonalDataMask.identityNumber(head.idNumber),
                "relation": try #require(RelationToHead(rawValue: head.relation)).label,
                "ethnicity": head.ethnicity, "education": try #require(Education(rawValue: head.education)).label,
                "labourCapacity": try #require(LabourCapacity(rawValue: head.labourCapacity)).label,
                "workPlace": "成都", "workMonths": "6", "medicalInsurance": "on",
            ]
            try await app.postForm("members/\(try head.requireID())", as: grid, memberForm) { response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(2000))")
            }
            // check
            let saved = try #require(try await Household.find(id, on: app.db))
            #expect(
                saved.address == "新地址 9 号" && saved.phone == "13912345678" && saved.bankAccount == "6217000012345678901"
            )
            let member = try #require(try await Member.find(head.id, on: app.db))
            #expect(member.idNumber == head.idNumber && member.health == healthBefore && member.workPlace == "成都")
        }
    }

    @Test(
        "a village cadre's edit form shows full data and logs that view; the page's history stays masked until a full view"
    )
    func fullFormsAreLogged() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).sort(
                    \.$householdNumber
                ).first())
            let members = try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).all()
            let member = try #require(members.first)
            let session = try await app.signIn("village")
            // act
            try await app.testing().test(.GET, "members/\(try member.requireID())/edit", headers: session.headers) {
                response in
                // check
                #expect(response.body.string.contains(member.idNumber))
            }
            let views = try await AuditEvent.query(on: app.db).filter(\.$action == "view_personal_data").all()
            #expect(views.count == 1 && views.first?.actorName == "village")
            // check: a change of phone shows masked in the page's history by default
            try await app.postForm(
                "households/\(try household.requireID())", as: session,
                [
                    "householdType": try #require(HouseholdType(rawValue: household.householdType)).label,
                    "alleviatedYear": household.alleviatedYear.map(String.init) ?? "",
                    "address": household.address, "phone": "13800001234", "groupCode": household.groupCode ?? "",
                    "gridCode": household.gridCode ?? "",
                    "bankAccount": household.bankAccount ?? "",
                ]
            ) { response in #expect(response.status == .seeOther) }
            try await app.testing().test(.GET, "households/\(try household.requireID())", headers: session.headers) {
                response in
                #expect(!response.body.string.contains("13800001234"))
                #expect(response.body.string.contains(PersonalDataMask.phone("13800001234")))
            }
        }
    }
}
