@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every form submitted as a browser would send it with the choices as shipped: 全部户类型, 请选择, 无, 不在校 and
/// 未分组 must arrive as "", not as their text.
@Suite("Forms submitted with their default choices")
struct FormDefaultsTests {
    private static let optionWithoutValue = try! NSRegularExpression(pattern: #"<option(?![^>]*\bvalue\b)[^>]*>"#)

    private func expectEveryOptionHasValue(_ html: String, _ page: String) {
        let count = Self.optionWithoutValue.numberOfMatches(
            in: html, range: NSRange(location: 0, length: (html as NSString).length))
        #expect(count == 0, "\(page): \(count) options without a value attribute")
    }

    private func villageHousehold(_ app: Application) async throws -> Household {
        let village = try await app.user("village")
        return try #require(
            try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).sort(\.$householdNumber)
                .first())
    }

    @Test("an option meant as none, all or please choose keeps its empty value in the page")
    func emptyOptionsKeepTheirValue() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let household = try await villageHousehold(app)
            let id = try household.requireID().uuidString.lowercased()
            let member = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).first())
            let village = try await app.signIn("village")
            let admin = try await app.signIn("admin")
            // act
            let search = try await app.page("households", as: village)
            let ledger = try await app.page("leads", as: village)
            let memberForm = try await app.page(
                "members/\(member.requireID().uuidString.lowercased())/edit", as: village)
            let newMember = try await app.page("households/\(id)/members/new", as: village)
            let householdForm = try await app.page("households/\(id)/edit", as: village)
            let userForm = try await app.page("admin/users/new", as: admin)
            // check
            let shipped = "<option value selected=\"selected\">"
            #expect(search.contains(shipped + "全部户类型</option>"))
            #expect(ledger.contains(shipped + "全部状态</option>"))
            #expect(memberForm.contains(shipped + "不在校</option>"))
            #expect(memberForm.contains(shipped + "无</option>"))
            #expect(newMember.contains(shipped + "不在校</option>"))
            #expect(householdForm.contains("未分组</option>"))
            #expect(userForm.contains("<option value selected=\"selected\">请选择</option>"))
            for (name, html) in [
                ("search", search), ("ledger", ledger), ("member", memberForm), ("new member", newMember),
                ("household", householdForm), ("user", userForm),
            ] {
                expectEveryOptionHasValue(html, name)
            }
        }
    }

    @Test("the household search and the lead ledger filter work as shipped")
    func searchAndLedgerFilterAsShipped() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let county = try await app.signIn("county")
            let town = try await app.signIn("town")
            let search = try BrowserForm.named("/households", in: try await app.page("households", as: county))
            let filter = try BrowserForm.named("/leads", in: try await app.page("leads", as: town))
            #expect(search.value("type") == "")
            #expect(filter.value("state") == "")
            let leadsInScope = try await app.page("leads", as: town)
            // act, check
            try await app.submit(search, as: county) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("共 60 户"))
            }
            try await app.submit(filter, as: town) { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("没有符合条件的线索") || leadsInScope.contains("没有符合条件的线索"))
                #expect(Self.total(in: response.body.string) == Self.total(in: leadsInScope))
            }
        }
    }

    @Test("a member is edited and added with the default choices 不在校 and 无")
    func memberFormsAsShipped() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let household = try await villageHousehold(app)
            let id = try household.requireID().uuidString.lowercased()
            let members = try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).all()
            let session = try await app.signIn("village")
            // act, check: every member saved unchanged
            for member in members {
                let path = "members/\(try member.requireID().uuidString.lowercased())/edit"
                let form = try BrowserForm.all(in: try await app.page(path, as: session)).last {
                    $0.method == "post" && $0.action.hasPrefix("/members/")
                }
                try await app.submit(try #require(form), as: session) { response in
                    #expect(response.status == .seeOther, "\(member.name): \(Self.problems(response.body.string))")
                }
            }
            // act, check: a new member with only what a user must type
            var form = try BrowserForm.named(
                "/households/\(id)/members", in: try await app.page("households/\(id)/members/new", as: session))
            #expect(form.value("schoolStatus") == "")
            #expect(form.value("disabilityGrade") == "")
            let child = try IdentityNumber.make(
                region: "512002", birth: try #require(CivilDate(year: 1990, month: 3, day: 9)), sequence: 311)
            form.set("name", "李新")
            form.set("idNumber", child.value)
            form.set("relation", RelationToHead.other.label)
            form.fields.append(("health[]", HealthCondition.healthy.rawValue))
            try await app.submit(form, as: session) { response in
                #expect(response.status == .seeOther, "\(Self.problems(response.body.string))")
            }
            let added = try #require(try await Member.query(on: app.db).filter(\.$idNumber == child.value).first())
            #expect(added.schoolStatus == nil)
            #expect(added.disabilityGrade == nil)
        }
    }

    @Test("the household form saves with 未分组 and 未划入网格")
    func householdFormAsShipped() async throws {
        try await withDemoApp(households: 30) { app in
            let household = try await villageHousehold(app)
            let id = try household.requireID().uuidString.lowercased()
            let session = try await app.signIn("village")
            let page = try await app.page("households/\(id)/edit", as: session)
            var form = try BrowserForm.named("/households/\(id)", in: page)
            form.set("groupCode", try #require(BrowserForm.optionValue(select: "groupCode", text: "未分组", in: page)))
            form.set("gridCode", try #require(BrowserForm.optionValue(select: "gridCode", text: "未划入网格", in: page)))
            try await app.submit(form, as: session) { response in
                #expect(response.status == .seeOther, "\(Self.problems(response.body.string))")
            }
            let saved = try #require(try await Household.find(household.requireID(), on: app.db))
            #expect(saved.groupCode == nil)
            #expect(saved.gridCode == nil)
        }
    }

    @Test("the administrator creates a grid worker with department 无")
    func userFormAsShipped() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let admin = try await app.signIn("admin")
            let grid = try await app.user("grid")
            var form = try BrowserForm.named("/admin/users", in: try await app.page("admin/users/new", as: admin))
            #expect(form.value("department") == "")
            form.set("username", "grid2")
            form.set("display_name", "王网格")
            form.set("role", Role.grid.rawValue)
            form.set("area_code", grid.areaCode)
            form.set("password", "a-good-passphrase-1")
            // act
            try await app.submit(form, as: admin) { response in
                // check
                #expect(response.status == .seeOther, "\(Self.problems(response.body.string))")
            }
            let created = try await app.user("grid2")
            #expect(created.role == Role.grid.rawValue)
            #expect(created.department == nil)
        }
    }

    @Test("the data-quality page's links lead to member forms that save")
    func dataQualityLinksLeadToWorkingForms() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let session = try await app.signIn("county")
            let report = try await app.page("registry/quality", as: session)
            let households = Self.links(#"/households/[0-9a-f-]{36}"#, in: report)
            try #require(!households.isEmpty)
            // act, check
            for household in households.prefix(3) {
                let page = try await app.page(String(household.dropFirst()), as: session)
                for edit in Self.links(#"/members/[0-9a-f-]{36}/edit"#, in: page) {
                    let form = try #require(
                        BrowserForm.all(in: try await app.page(String(edit.dropFirst()), as: session)).last {
                            $0.method == "post"
                        })
                    try await app.submit(form, as: session) { response in
                        let problems = Self.problems(response.body.string)
                        #expect(!problems.contains("无法识别") && !problems.contains("应为1至4"), "\(edit): \(problems)")
                        #expect(response.status == .seeOther || response.status == .unprocessableEntity)
                    }
                }
            }
        }
    }

    static func links(_ pattern: String, in html: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: "href=\"(\(pattern))\"") else { return [] }
        let ns = html as NSString
        var seen: [String] = []
        for match in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let link = ns.substring(with: match.range(at: 1))
            if !seen.contains(link) { seen.append(link) }
        }
        return seen
    }

    /// The problems a refused form lists.
    static func problems(_ html: String) -> String {
        guard let start = html.range(of: "flash-error") else { return "" }
        return String(html[start.lowerBound...].prefix(600))
    }

    /// The "共 N 条" count of a ledger page.
    static func total(in html: String) -> String? {
        guard let start = html.range(of: "共 "), let end = html[start.upperBound...].range(of: " 条") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
