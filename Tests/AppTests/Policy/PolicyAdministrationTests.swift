@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Policy numbers as administered rows: monitoring line, lead deadlines, rule versions")
struct PolicyAdministrationTests {
    private func countyScope(_ app: Application) async throws -> AccessScope {
        AccessScope(root: try #require(AreaCode(try await app.user("county").areaCode)))
    }

    @Test("an administrator's province line for the year changes the next screening, with the audit record to show it")
    func monitoringLine() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let scope = try await countyScope(app)
            let calendar = app.workingDayCalendar
            let before = try await ScreeningService.run(
                scope: scope, dryRun: true, triggeredBy: "test", at: app.clock.now(), calendar: calendar, on: app.db)
            let admin = try await app.signIn("admin")
            let province = try await app.user("admin").areaCode
            // act: a refused form first (a negative line), then the real one
            try await app.postForm(
                "admin/policy/monitoring-lines", as: admin,
                ["amount": "-5", "scope": province, "from": "2026-01-01", "to": "", "source": "川乡振发〔2026〕1号"]
            ) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("监测线应为"))
            }
            #expect(try await MonitoringLineRecord.query(on: app.db).count() == 1)
            try await app.postForm(
                "admin/policy/monitoring-lines", as: admin,
                ["amount": "30000", "scope": province, "from": "2026-01-01", "to": "", "source": "川乡振发〔2026〕1号"]
            ) { response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(400))")
            }
            let after = try await ScreeningService.run(
                scope: scope, dryRun: true, triggeredBy: "test", at: app.clock.now(), calendar: calendar, on: app.db)
            // check
            let lowIncome = { (run: ScreeningRun) in
                run.perVillage.values.reduce(0) { $0 + ($1[ScreeningRuleKind.incomeBelowLine.rawValue] ?? 0) }
            }
            #expect(lowIncome(after) > lowIncome(before))
            #expect(
                try await DiscoveryConfiguration.monitoringLine(on: app.db).amount(
                    at: scope.root, on: ChinaTime.civilDate(of: app.clock.now())) == Money(yuan: 30000))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityType == "monitoring_line").all()
            #expect(audit.contains { $0.summary.contains("30000.00 元") })
            // a county user may not set policy
            let county = try await app.signIn("county")
            try await app.postForm(
                "admin/policy/monitoring-lines", as: county,
                ["amount": "9000", "scope": scope.root.value, "from": "2026-06-01", "source": "x"]
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test("a county's lead deadlines set by the administrator govern the next lead's deadline and the quiet period")
    func leadDeadlines() async throws {
        try await withDemoApp(households: 30) { app in
            // setup: the form as shipped, pre-filled with the policy in force, with the village's self-report step changed
            let admin = try await app.signIn("admin")
            let county = try await app.user("county").areaCode
            var form: [String: String] = [
                "scope": county, "from": "2026-11-22", "to": "", "source": "雁江区乡村振兴局通知", "due_soon_percent": "33",
                "due_soon_hours": "24", "quiet_days": "90",
            ]
            for channel in LeadChannel.allCases {
                let pushed = channel == .department || channel == .screening
                form["\(channel.rawValue)_total"] = pushed ? "5工作日" : ""
                form["\(channel.rawValue)_village"] = pushed ? "2工作日" : "24小时"
                form["\(channel.rawValue)_township"] = "2工作日"
                form["\(channel.rawValue)_county"] = pushed ? "1工作日" : "2工作日"
            }
            form["selfReport_village"] = "3自然日"
            var bad = form
            bad["hotline_county"] = "两天"
            try await app.postForm("admin/policy/lead-deadlines", as: admin, bad) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("「热线电话」县级时限应写成"))
            }
            try await app.postForm("admin/policy/lead-deadlines", as: admin, form) { response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(400))")
            }
            // act
            let village = try await app.signIn("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == app.user("village").areaCode).first())
            try await app.postForm(
                "households/\(try household.requireID())/leads", as: village,
                ["channel": "selfReport", "risk": "illness", "description": "本人申请"]
            ) { #expect($0.status == .seeOther) }
            // check: three calendar days from the 22nd, ending at 24:00 of the 25th, instead of 24 hours
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == household.requireID()).filter(
                    \.$channel == "selfReport"
                ).first())
            #expect(lead.stepDueAt == ChinaTime.startOfDay(try #require(CivilDate("2026-11-26"))))
            let table = try await LeadPolicies.table(on: app.db)
            #expect(
                table.value(at: AreaCode(county), on: ChinaTime.civilDate(of: app.clock.now()))?.quietPeriodDays == 90)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entityType == "lead_deadline_policy").count() == 1)
            try await app.testing().test(.GET, "admin/policy", headers: admin.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("雁江区乡村振兴局通知"))
            }
        }
    }

    @Test("adopting a rule twice ends the earlier version the day before; withdrawing the later one restores it")
    func ruleVersionSuccession() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let county = try await app.signIn("county")
            let proposal = { (value: String, from: String) in
                ["kind": "hospitalSelfPay", "parameter": "thresholdFen", "value": value, "effective_from": from]
            }
            // act: two adoptions for the county
            try await app.postForm("screening/rules", as: county, proposal("40000", "2026-11-22")) {
                #expect($0.status == .seeOther)
            }
            try await app.postForm("screening/rules", as: county, proposal("30000", "2026-12-01")) {
                #expect($0.status == .seeOther)
            }
            // check: the first ends on 2026-11-30, the second is open; screening everywhere still runs
            let scoped = try await ScreeningRuleRecord.query(on: app.db).filter(\.$kind == "hospitalSelfPay").filter(
                \.$scopeCode != nil
            ).sort(\.$version).all()
            #expect(scoped.count == 2)
            #expect(scoped[0].effectiveTo == "2026-11-30")
            #expect(scoped[1].effectiveTo == nil)
            #expect(scoped[1].ruleVersion?.parameters["thresholdFen"] == 3_000_000)
            let runs = try await ScreeningService.runEverywhere(
                triggeredBy: "test", at: app.clock.now(), calendar: app.workingDayCalendar, on: app.db)
            #expect(runs.allSatisfy { $0.status == "finished" })
            // act: withdraw the later one, which has not started
            try await app.postForm("screening/rules/\(try scoped[1].requireID())/withdraw", as: county, [:]) {
                #expect($0.status == .seeOther)
            }
            let restored = try #require(try await ScreeningRuleRecord.find(scoped[0].id, on: app.db))
            #expect(restored.effectiveTo == nil)
            #expect(try await ScreeningRuleRecord.find(scoped[1].id, on: app.db)?.withdrawnAt != nil)
            // a version that has started cannot be withdrawn, only ended
            try await app.postForm("screening/rules/\(try scoped[0].requireID())/withdraw", as: county, [:]) {
                #expect($0.status == .unprocessableEntity)
            }
            try await app.postForm(
                "screening/rules/\(try scoped[0].requireID())/end", as: county, ["last_day": "2026-12-31"]
            ) { #expect($0.status == .seeOther) }
            #expect(try await ScreeningRuleRecord.find(scoped[0].id, on: app.db)?.effectiveTo == "2026-12-31")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entityType == "screening_rule").count() >= 5)
        }
    }

    @Test("overlapping versions stored in one county do not stop screening anywhere; the page names the conflict")
    func conflictingVersionsAreContained() async throws {
        try await withDemoApp(households: 20) { app in
            // setup: two open-ended versions of one rule at the county's scope, as an older release could leave them
            let county = try await app.user("county").areaCode
            for (number, threshold) in [(50, Int64(4_000_000)), (51, Int64(2_000_000))] {
                let version = ScreeningRuleVersion(
                    kind: .hospitalSelfPay, version: number,
                    parameters: ["thresholdFen": threshold, "windowMonths": 12],
                    effective: ValidityPeriod(from: CivilDate("2026-01-01"), to: nil), scope: AreaCode(county),
                    enabled: true)
                try await ScreeningRuleRecord(version, note: "legacy", createdBy: "legacy").create(on: app.db)
            }
            // act
            let runs = try await ScreeningService.runEverywhere(
                triggeredBy: "test", at: app.clock.now(), calendar: app.workingDayCalendar, on: app.db)
            // check
            #expect(!runs.isEmpty && runs.allSatisfy { $0.status == "finished" })
            let rules = try await DiscoveryConfiguration.rules(on: app.db)
            #expect(
                rules.inForce(for: try #require(AreaCode(county)), on: ChinaTime.civilDate(of: app.clock.now())).first {
                    $0.kind == .hospitalSelfPay
                }?.version == 51)
            let session = try await app.signIn("county")
            try await app.testing().test(.GET, "screening", headers: session.headers) { response in
                #expect(response.body.string.contains("生效期相互冲突"))
            }
        }
    }
}
