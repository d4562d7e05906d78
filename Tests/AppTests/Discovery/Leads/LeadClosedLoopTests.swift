@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite(
    "The closed-loop ledger: settled findings stay settled, new evidence reopens, included households get information")
struct LeadClosedLoopTests {
    static let day: TimeInterval = 24 * 3600

    /// One member of each of `count` households that are not monitored, in the demo village first.
    private func membersOfVillage(_ app: Application, count: Int) async throws -> [Member] {
        let village = try await app.user("village")
        let households = try await Household.query(on: app.db)
            .filter(\.$monitoringStatus == HouseholdMonitoringStatus.notMonitored.rawValue).sort(\.$householdNumber)
            .all()
            .sorted { ($0.villageCode != village.areaCode ? 1 : 0) < ($1.villageCode != village.areaCode ? 1 : 0) }
        var members: [Member] = []
        for household in households where members.count < count {
            if let member = try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).filter(
                \.$departedOn == nil
            )
            .sort(\.$idNumber).first() {
                members.append(member)
            }
        }
        try #require(members.count == count)
        return members
    }

    private func selfPayFile(_ rows: [(Member, String, String)]) -> String {
        "身份证号,姓名,日期,金额（元）,说明\n"
            + rows.map { "\($0.0.idNumber),\($0.0.name),\($0.1),\($0.2),住院" }.joined(separator: "\n")
    }

    private func illnessLeads(of member: Member, _ app: Application) async throws -> [RiskLead] {
        try await RiskLead.query(on: app.db).filter(\.$household.$id == member.$household.id).filter(
            \.$riskType == RiskType.illness.rawValue
        )
        .sort(\.$receivedAt).all()
    }

    private func screenCounty(_ app: Application) async throws -> ScreeningRun {
        let county = try await app.user("county")
        let scope = AccessScope(root: try #require(AreaCode(county.areaCode)))
        let run = try await ScreeningService.run(
            scope: scope, dryRun: false, triggeredBy: "test", at: app.clock.now(),
            calendar: app.workingDayCalendar, on: app.db)
        #expect(run.status == "finished", "\(run.error ?? "")")
        return run
    }

    @Test(
        "daily runs after a rejection, a merge and an inclusion file nothing for them; new evidence files one linked lead or case information"
    )
    func closedLoop() async throws {
        try await withDemoApp(households: 150) { app in
            // setup: three households in the village each with a hospital self-pay lead
            let dept = try await app.signIn("dept")
            let members = try await membersOfVillage(app, count: 3)
            let (rejected, merged, included) = (members[0], members[1], members[2])
            _ = try await app.uploadDepartmentFile(
                selfPayFile(members.map { ($0, "2026-10-08", "56320") }), kind: "medicalSelfPay", as: dept)
            let first = try await members.asyncMap { try #require(try await illnessLeads(of: $0, app).first) }
            // the administrator stands in for the village and township committees of these households
            let village = try await app.signIn("admin")
            let town = village
            let county = try await app.signIn("county")
            // the village proposes a rejection, the township confirms it
            #expect(try await app.actOnLead(first[0].requireID(), "reject", "已获商业保险赔付，无返贫风险", as: village) == .seeOther)
            #expect(
                try await RiskLead.find(first[0].id, on: app.db)?.state
                    == LeadState.awaitingTownshipRejectionReview.rawValue)
            #expect(try await app.actOnLead(first[0].requireID(), "confirmRejection", "同意", as: town) == .seeOther)
            // the second is merged into a hotline lead of the same household
            try await app.postForm(
                "households/\(merged.$household.id)/leads", as: village,
                ["channel": "hotline", "risk": "other", "description": "户主反映看病负担重"]
            ) { #expect($0.status == .seeOther) }
            let hotline = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == merged.$household.id)
                    .filter(\.$channel == LeadChannel.hotline.rawValue).first())
            #expect(
                try await app.actOnLead(first[1].requireID(), "merge", "同一事项", reference: "ABC-123", as: village)
                    == .unprocessableEntity)
            #expect(
                try await app.actOnLead(
                    first[1].requireID(), "merge", "同一事项", reference: hotline.requireID().uuidString, as: village)
                    == .seeOther)
            // the third is included by the county
            #expect(try await app.actOnLead(first[2].requireID(), "confirm", "属实", as: village) == .seeOther)
            #expect(try await app.actOnLead(first[2].requireID(), "confirm", "属实", as: town) == .seeOther)
            #expect(try await app.actOnLead(first[2].requireID(), "confirm", "纳入", as: county) == .seeOther)
            let leadsBefore = try await RiskLead.query(on: app.db).count()

            // act: three daily runs with nothing new
            var runs: [ScreeningRun] = []
            for offset in 1...3 {
                app.clock = .fixed(testNow.addingTimeInterval(Double(offset) * Self.day))
                runs.append(try await screenCounty(app))
            }

            // check: nothing filed for the three, however often screened
            for member in members { #expect(try await illnessLeads(of: member, app).count == 1) }
            #expect(try await RiskLead.query(on: app.db).count() == leadsBefore)
            #expect(runs.allSatisfy { ($0.settled ?? 0) >= 2 }, "\(runs.map { $0.settled ?? -1 })")
            let ours = try members.map { try #require($0.$household.id as UUID?) }
            #expect(try await CaseInformation.query(on: app.db).filter(\.$household.$id ~~ ours).count() == 0)

            // act: new evidence — another hospital stay for the rejected and for the included household
            let deptLater = try await app.signIn("dept")
            _ = try await app.uploadDepartmentFile(
                selfPayFile([(rejected, "2026-11-24", "30000"), (included, "2026-11-24", "30000")]),
                kind: "medicalSelfPay", as: deptLater)

            // check: one new lead for the rejected household, linked to the closed one; information on the included one's case
            let reopened = try await illnessLeads(of: rejected, app)
            #expect(reopened.count == 2)
            #expect(reopened.last?.followsLeadID == first[0].id)
            #expect(reopened.last?.state == LeadState.awaitingVillageCheck.rawValue)
            // the incremental run that filed it after the file is audited, by the system, with what it filed
            let filings = try await AuditEvent.query(on: app.db).filter(\.$entityType == "screening_run").all()
            #expect(filings.contains { $0.summary.contains("新线索 1 条") && $0.summary.contains("附入已纳入农户案件 1 条") })
            #expect(try await illnessLeads(of: included, app).count == 1)
            let information = try await CaseInformation.query(on: app.db).filter(\.$household.$id ~~ ours).all()
            #expect(information.count == 1)
            #expect(information.first?.leadID == first[2].id)
            // and further runs file nothing more: over the whole county, and over the households named (as after a file)
            app.clock = .fixed(testNow.addingTimeInterval(4 * Self.day))
            _ = try await screenCounty(app)
            let named = try await ScreeningService.run(
                scope: AccessScope(root: try #require(AreaCode(try await app.user("county").areaCode))),
                households: ours, dryRun: false, triggeredBy: "test", at: app.clock.now(),
                calendar: app.workingDayCalendar, on: app.db)
            #expect(named.status == "finished", "\(named.error ?? "")")
            #expect(named.newLeads == 0 && (named.attached ?? 0) == 0)
            #expect(try await illnessLeads(of: rejected, app).count == 2)
            #expect(try await CaseInformation.query(on: app.db).filter(\.$household.$id ~~ ours).count() == 1)
            // the lead page shows the link and the merged lead shows what it joined
            let reader = try await app.signIn("admin")
            try await app.testing().test(.GET, "leads/\(try #require(reopened.last?.id))", headers: reader.headers) {
                response in
                #expect(response.body.string.contains("接续已办结线索"))
            }
            try await app.testing().test(.GET, "leads/\(try first[1].requireID())", headers: reader.headers) {
                response in
                #expect(response.body.string.contains("已并入"))
            }
        }
    }

    @Test("a lead moves with its household: the new village's users see it, the old village's do not")
    func leadFollowsHousehold() async throws {
        try await withDemoApp(households: 150) { app in
            // setup
            let village = try await app.user("village")
            let member = try #require(try await membersOfVillage(app, count: 1).first)
            let session = try await app.signIn("village")
            try await app.postForm(
                "households/\(member.$household.id)/leads", as: session,
                ["channel": "selfReport", "risk": "illness", "description": "本人申请"]
            ) { #expect($0.status == .seeOther) }
            let lead = try #require(try await illnessLeads(of: member, app).first)
            let household = try #require(try await Household.find(member.$household.id, on: app.db))
            let township = String(village.areaCode.prefix(9)) + "000"
            let other = try #require(
                try await Area.query(on: app.db).filter(\.$parentCode == township)
                    .filter(\.$code != village.areaCode).sort(\.$code).first())
            // act
            household.villageCode = other.code
            household.groupCode = nil
            household.gridCode = nil
            try await household.save(on: app.db)
            // check
            #expect(try await RiskLead.find(lead.id, on: app.db)?.villageCode == other.code)
            try await app.testing().test(.GET, "leads/\(try lead.requireID())", headers: session.headers) {
                #expect($0.status == .notFound)
            }
            let town = try await app.signIn("town")
            try await app.testing().test(.GET, "leads/\(try lead.requireID())", headers: town.headers) {
                #expect($0.status == .ok)
            }
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

@Suite("The lead ledger by place")
struct LeadLedgerAreaTests {
    @Test(
        "the ledger names each lead's township and village, narrows to a township of the area, and refuses one outside it"
    )
    func ledgerByArea() async throws {
        try await withDemoApp(households: 60) { app in
            // setup
            let town = try await app.user("town")
            let county = try await app.signIn("county")
            let all = try await RiskLead.query(on: app.db).count()
            let inTownship = try await RiskLead.query(on: app.db).filter(
                \.$villageCode >= String(town.areaCode.prefix(9)) + "000"
            )
            .filter(\.$villageCode <= String(town.areaCode.prefix(9)) + "999").count()
            try #require(all > inTownship && inTownship > 0)
            // act & check
            try await app.testing().test(.GET, "leads?area=\(town.areaCode)", headers: county.headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("共 \(inTownship.formatted()) 条"))
                #expect(response.body.string.contains(" · "))
            }
            try await app.testing().test(.GET, "leads?area=110101000000", headers: county.headers) { response in
                #expect(response.status == .unprocessableEntity)
            }
        }
    }
}
