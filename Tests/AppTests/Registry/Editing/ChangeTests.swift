@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Changes: audited, protected against forgery, refused when bad")
struct ChangeTests {
    @Test("the county adds a village: a local code is assigned and the change is audited with before and after")
    func addVillage() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let session = try await app.signIn("county")
            let township = "512002110000"
            // act
            try await app.testing().test(
                .POST, "areas/\(township)/children", headers: session.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        ["name": "  新光 村 ", "level": "village", FormProtection.fieldName: session.csrf],
                        as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            // check
            let village = try #require(try await Area.query(on: app.db).filter(\.$name == "新光 村").first())
            #expect(village.parentCode == township)
            #expect(village.codeSystem == Area.localCodeSystem)
            #expect(AreaCode(village.code)?.level == .village)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityType == "area").filter(
                \.$entityID == village.code
            ).all()
            #expect(events.count == 1)
            #expect(events.first?.actorName == "county")
            #expect(events.first?.beforeJSON == nil)
            #expect(events.first?.afterJSON?.contains("新光 村") == true)
            try await app.testing().test(.GET, "areas/\(village.code)", headers: session.headers) { response in
                #expect(response.body.string.contains("变更记录"))
                #expect(response.body.string.contains("新增村/社区"))
            }
        }
    }

    @Test("a forged form (no token, or another site's origin) changes nothing")
    func forgedForms() async throws {
        try await withDemoApp(households: 20) { app in
            let session = try await app.signIn("county")
            let before = try await Area.query(on: app.db).count()
            try await app.testing().test(
                .POST, "areas/512002110000/children", headers: session.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(["name": "伪造村", "level": "village"], as: .urlEncodedForm)
                },
                afterResponse: { response in
                    #expect(response.status == .forbidden)
                    #expect(response.body.string.contains("未做任何修改"))
                })
            var foreign = sameSiteForm(origin: "https://evil.example")
            foreign.add(name: .cookie, value: "\(TokenAuthenticator.cookieName)=\(session.cookie)")
            try await app.testing().test(
                .POST, "areas/512002110000/children", headers: foreign,
                beforeRequest: { request in
                    try request.content.encode(
                        ["name": "伪造村", "level": "village", FormProtection.fieldName: session.csrf], as: .urlEncodedForm
                    )
                }, afterResponse: { response in #expect(response.status == .forbidden) })
            #expect(try await Area.query(on: app.db).count() == before)
        }
    }

    @Test("a bad village name is refused with the reason, and nothing is saved")
    func badName() async throws {
        try await withDemoApp(households: 20) { app in
            let session = try await app.signIn("county")
            let before = try await Area.query(on: app.db).count()
            for (name, words) in [("", "不能为空"), ("<script>", "不能包含"), (String(repeating: "村", count: 41), "不能超过")] {
                try await app.testing().test(
                    .POST, "areas/512002110000/children", headers: session.formHeaders,
                    beforeRequest: { request in
                        try request.content.encode(
                            ["name": name, "level": "village", FormProtection.fieldName: session.csrf],
                            as: .urlEncodedForm)
                    },
                    afterResponse: { response in
                        #expect(response.status == .unprocessableEntity)
                        #expect(response.body.string.contains(words))
                    })
            }
            #expect(try await Area.query(on: app.db).count() == before)
        }
    }

    @Test("a township user cannot add villages, and a county user cannot reach another county")
    func areaEditingIsGuarded() async throws {
        try await withDemoApp(households: 20) { app in
            let town = try await app.signIn("town")
            let townUser = try await app.user("town")
            try await app.testing().test(.GET, "areas/\(townUser.areaCode)/new?level=village", headers: town.headers) {
                response in
                #expect(response.status == .forbidden)
            }
            let county = try await app.signIn("county")
            try await app.testing().test(.GET, "areas/512021000000", headers: county.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("the audit trail refuses UPDATE and DELETE in the database itself")
    func auditIsAppendOnly() async throws {
        try await withDemoApp(households: 5) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let count = try await AuditEvent.query(on: app.db).count()
            #expect(count > 0)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET summary = 'x'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEvent.query(on: app.db).count() == count)
        }
    }
}
