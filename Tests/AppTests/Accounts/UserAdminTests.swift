@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("User administration through its forms")
struct UserAdminTests {
    private func signInStatus(_ app: Application, _ username: String, _ password: String) async throws -> HTTPStatus {
        try await app.attemptSignIn(username, password: password).status
    }

    private func editForm(_ app: Application, _ user: User, as admin: BrowserSession) async throws -> BrowserForm {
        let path = SiteURL.user(id: try user.requireID()).path
        return try BrowserForm.named(path, in: try await app.page(String(path.dropFirst()), as: admin))
    }

    @Test("an administrator creates a user of every role, each bound to an area of its level")
    func everyRole() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let admin = try await app.signIn("admin")
            var areaOf: [Role: String] = [:]
            for role in Role.allCases where role != .department {
                areaOf[role] = try await app.user(role.rawValue).areaCode
            }
            areaOf[.department] = try await app.user("dept").areaCode
            for role in Role.allCases {
                var form = try BrowserForm.named("/admin/users", in: try await app.page("admin/users/new", as: admin))
                form.set("username", "new-\(role.rawValue)")
                form.set("display_name", "新\(role.label.prefix(2))")
                form.set("role", role.rawValue)
                form.set("area_code", try #require(areaOf[role]))
                form.set("password", "a-good-passphrase-1")
                if role == .department { form.set("department", Department.allCases[0].rawValue) }
                // act
                try await app.submit(form, as: admin) { response in
                    // check
                    #expect(
                        response.status == .seeOther, "\(role): \(FormDefaultsTests.problems(response.body.string))")
                }
                #expect(try await app.user("new-\(role.rawValue)").role == role.rawValue)
                #expect(try await signInStatus(app, "new-\(role.rawValue)", "a-good-passphrase-1") == .seeOther)
            }
            let created = try await AuditEvent.query(on: app.db).filter(\.$summary ~~ "新增用户 new-").count()
            #expect(created == Role.allCases.count)
        }
    }

    @Test("the log names people by name, areas by name and fields and codes in Chinese")
    func readableLog() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let admin = try await app.signIn("admin")
            let adminUser = try await app.user("admin")
            let town = try await app.user("town")
            let townName = try #require(try await AreaDirectory.area(town.areaCode, on: app.db)).name
            var form = try BrowserForm.named("/admin/users", in: try await app.page("admin/users/new", as: admin))
            form.set("username", "town2")
            form.set("display_name", "赵乡镇")
            form.set("role", Role.town.rawValue)
            form.set("area_code", town.areaCode)
            form.set("password", "a-good-passphrase-1")
            try await app.submit(form, as: admin) { #expect($0.status == .seeOther) }
            // act
            let log = try await app.page("audit", as: admin)
            // check
            #expect(log.contains("\(adminUser.displayName)（admin）"))
            #expect(log.contains("所属区划：（空） → \(townName)（\(town.areaCode)）"))
            #expect(log.contains("角色：（空） → 乡镇审核"))
            #expect(!log.contains("area_code") && !log.contains("display_name"))
        }
    }

    @Test("an administrator disables and enables an account and resets its password, each audited")
    func disableEnableReset() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let admin = try await app.signIn("admin")
            let grid = try await app.user("grid")
            _ = try await app.signIn("grid")
            // act: disable
            var form = try await editForm(app, grid, as: admin)
            #expect(form.value("is_active") == "on")
            form.fields.removeAll { $0.name == "is_active" }
            try await app.submit(form, as: admin) { #expect($0.status == .seeOther) }
            // check
            #expect(try await signInStatus(app, "grid", demoPassword) == .unauthorized)
            #expect(try await AuthToken.query(on: app.db).filter(\.$user.$id == grid.requireID()).count() == 0)
            // act: enable and reset the password
            form = try await editForm(app, grid, as: admin)
            #expect(form.value("is_active") == nil)
            form.set("is_active", "on")
            form.set("password", "another-good-passphrase-2")
            try await app.submit(form, as: admin) { #expect($0.status == .seeOther) }
            // check
            #expect(try await signInStatus(app, "grid", demoPassword) == .unauthorized)
            #expect(try await signInStatus(app, "grid", "another-good-passphrase-2") == .seeOther)
            let summaries = try await AuditEvent.query(on: app.db).filter(\.$entityID == grid.requireID().uuidString)
                .filter(\.$action == "update").all().map(\.summary)
            #expect(summaries.contains("修改用户 grid（停用账号）"))
            #expect(summaries.contains("修改用户 grid（启用账号、重置密码）"))
        }
    }

    @Test("an administrator unlocks an account locked by failed sign-ins, audited")
    func unlock() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: lock the account
            let admin = try await app.signIn("admin")
            for _ in 0..<SignIn.maxFailures { _ = try await signInStatus(app, "village", "wrong-password") }
            #expect(try await signInStatus(app, "village", demoPassword) == .unauthorized)
            let village = try await app.user("village")
            let path = String(SiteURL.user(id: try village.requireID()).path.dropFirst())
            // act
            let page = try await app.page(path, as: admin)
            #expect(page.contains("解除锁定"))
            let unlock = try BrowserForm.named("/" + path + "/unlock", in: page)
            try await app.submit(unlock, as: admin) { #expect($0.status == .seeOther) }
            // check
            #expect(try await signInStatus(app, "village", demoPassword) == .seeOther)
            let event = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$entityID == village.requireID().uuidString).filter(
                    \.$summary ~~ "解除锁定"
                ).first())
            #expect(event.beforeJSON?.contains("\"locked\":\"是\"") == true)
            #expect(event.afterJSON?.contains("\"locked\":\"否\"") == true)
        }
    }
}
