import DemoData
import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// The demo's discovery history: a medical-insurance push of large hospital self-payments and a civil-affairs push
/// of new 低保 cases, then the first screening run — so the ledger has leads from several channels to work on.
enum DemoDiscovery {
    private struct Person: Decodable {
        let id_number: String
        let name: String
    }

    static func create(county: AreaCode, asOf: CivilDate, seed: UInt64, app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase,
            let dept = try await User.query(on: app.db).filter(\.$username == "dept").first(),
            let county = try await User.query(on: app.db).filter(\.$username == "county").first()
        else { return }
        let people = try await sql.select().columns([SQLColumn("id_number"), SQLColumn("name")]).from(Member.schema)
            .where(SQLColumn("health"), .like, SQLBind("%seriousIllness%")).orderBy("id_number").limit(400).all(
                decoding: Person.self)
        var random = SeededGenerator(seed: seed &+ 77)
        // The first screening happens when the demo starts, so its leads are fresh and their deadlines ahead.
        let now = app.clock.now()
        let medical = people.enumerated().compactMap { index, person -> DepartmentEvent? in
            guard index % 3 == 0 else { return nil }
            let amount = Int64.random(in: 8_000...96_000, using: &random) * 100
            return DepartmentEvent(
                kind: .medicalSelfPay, idNumber: person.id_number, memberName: person.name,
                eventDate: asOf.adding(days: -Int.random(in: 10...200, using: &random)), amount: Money(fen: amount),
                note: "住院")
        }
        let deptUser = try dept.current(csrfToken: nil)
        _ = try await DepartmentIngest.ingest(
            kind: .medicalSelfPay, parsed: .success(medical), source: "api", fileName: "医保住院自付推送（演示）",
            sha256: "demo-medical", user: deptUser, actor: AuditLog.Actor(id: dept.id, name: dept.username), at: now,
            calendar: app.workingDayCalendar, on: app.db)
        let countyUser = try county.current(csrfToken: nil)
        try await ScreeningService.run(
            scope: countyUser.scope, dryRun: false, triggeredBy: "演示：首次筛查", at: now,
            calendar: app.workingDayCalendar, on: app.db)
        try await DemoLeadProgress.advance(now: now, seed: seed, app: app)
        // The first screening covered the whole registry: the incremental runs start from here.
        try await ScreeningFactsStore.markAllCurrent(incomeYear: ChinaTime.civilDate(of: now).year - 1, on: app.db)
    }
}
