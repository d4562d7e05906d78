@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Personal data masking and user administration")
struct PrivacyAndAdminTests {
    @Test("identity numbers and phones are masked by default; a full view is for roles that need it, and logged")
    func masking() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let gridUser = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == gridUser.areaCode).first())
            let member = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).first())
            let path = "households/\(try household.requireID())"
            let grid = try await app.signIn("grid")
            let village = try await app.signIn("village")
            // check: masked for the grid worker, even when asking for the full view
            try await app.testing().test(.GET, path + "?reveal=1", headers: grid.headers) { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains(member.idNumber))
                #expect(response.body.string.contains(PersonalDataMask.identityNumber(member.idNumber)))
            }
            // check: masked for the village by default, full on request, and that view is logged
            try await app.testing().test(.GET, path, headers: village.headers) { response in
                #expect(!response.body.string.contains(member.idNumber))
            }
            try await app.testing().test(.GET, path + "?reveal=1", headers: village.headers) { response in
                #expect(response.body.string.contains(member.idNumber))
            }
            let views = try await AuditEvent.query(on: app.db).filter(\.$action == "view_personal_data").all()
            #expect(views.count == 1)
            #expect(views.first?.actorName == "village")
        }
    }

    @Test("an administrator creates a user; bad fields are named and nothing is saved")
    func createUser() async throws {
        try await withDemoApp(households: 5) { app in
            let admin = try await app.signIn("admin")
            let before = try await User.query(on: app.db).count()
            // a town user bound to a county, with a short password and a taken name
            try await app.testing().test(
                .POST, "admin/users", headers: admin.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "username": "county", "display_name": "张三", "role": "town", "area_code": "512002000000",
                            "password": "short", FormProtection.fieldName: admin.csrf,
                        ], as: .urlEncodedForm)
                },
                afterResponse: { response in
                    #expect(response.status == .unprocessableEntity)
                    let body = response.body.string
                    #expect(body.contains("密码至少"))
                    #expect(body.contains("乡镇审核只能绑定到乡镇级区划"))
                })
            #expect(try await User.query(on: app.db).count() == before)
            try await app.testing().test(
                .POST, "admin/users", headers: admin.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "username": "wuhuang-review", "display_name": "伍隍镇复核员", "role": "town",
                            "area_code": "512002110000",
                            "password": "a-long-enough-password", FormProtection.fieldName: admin.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let created = try #require(try await User.query(on: app.db).filter(\.$username == "wuhuang-review").first())
            #expect(created.role == "town")
            #expect(!created.passwordHash.contains("a-long-enough-password"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == created.auditEntityID).all()
            #expect(audit.count == 1)
            #expect(audit.first?.afterJSON?.contains("password") == false)
        }
    }

    @Test("only administrators reach user management")
    func adminOnly() async throws {
        try await withDemoApp(households: 5) { app in
            let county = try await app.signIn("county")
            try await app.testing().test(.GET, "admin/users", headers: county.headers) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("只有系统管理员"))
            }
        }
    }
}
