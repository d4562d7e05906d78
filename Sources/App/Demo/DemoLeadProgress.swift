import DemoData
import Domain
import Fluent
import Foundation
import Vapor

/// The demo's leads in mid-course: after the first screening, each village, township and county has worked part of
/// its leads through the same workflow a user's form goes through (`LeadService`), so that every step of the ledger
/// is populated — open at each level, proposed rejections awaiting the township, included, rejected with reasons —
/// and some leads arrived days ago and are now overdue or due soon.
enum DemoLeadProgress {
    static func advance(now: Date, seed: UInt64, app: Application) async throws {
        let calendar = app.workingDayCalendar
        // One transaction for the whole history: each lead's steps are its own small writes, and a commit each would
        // make the demo's first start wait for thousands of syncs.
        try await app.db.transaction { database in
            try await advance(now: now, seed: seed, calendar: calendar, on: database)
        }
    }

    private static func advance(
        now: Date, seed: UInt64, calendar: WorkingDayCalendar, on database: any Database
    ) async throws {
        let leads = try await RiskLead.query(on: database).filter(\.$state == LeadState.initial.rawValue).sort(
            \.$villageCode
        ).sort(\.$id).all()
        var random = SeededGenerator(seed: seed &+ 91)
        // What a village writes when its check finds no risk, by the lead's risk.
        let reasons: [RiskType: [String]] = [
            .illness: ["核实医疗费用已由大病保险和医疗救助报销大部分，自付不大", "住院已痊愈出院，家庭务工收入稳定"],
            .education: ["子女享受助学金和生源地助学贷款，家庭负担可承受"],
            .housingSafety: ["房屋已完成改造，鉴定为 B 级"],
            .drinkingWater: ["已接通集中供水，水质水量达标"],
        ]
        let general = ["入户核实：已有稳定务工收入，无返贫风险", "家庭人均纯收入高于监测线较多，子女赡养到位"]
        var late: [(UUID, Double)] = []
        for lead in leads {
            guard let village = AreaCode(lead.villageCode), let township = village.parent, let county = township.parent
            else { continue }
            let act = { (role: Role, area: AreaCode, action: LeadAction) in
                let user = CurrentUser(
                    id: UUID(), username: "demo-\(role.rawValue)", displayName: "演示\(role.label)", role: role,
                    department: nil, scope: AccessScope(root: area), csrfToken: nil)
                try await LeadService.apply(
                    action, to: lead, by: user, actor: AuditLog.Actor(id: nil, name: "演示\(role.label)"), at: now,
                    calendar: calendar, on: database)
            }
            let choices = lead.risk.flatMap { reasons[$0] } ?? general
            let reason = choices[Int.random(in: 0..<choices.count, using: &random)]
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<12:
                // arrived a week ago and nobody has checked it
                late.append((try lead.requireID(), 7))
            case 12..<20:
                late.append((try lead.requireID(), 1.5))
            case 20..<35:
                try await act(.village, village, .villageConfirm(opinion: "入户核实属实"))
            case 35..<43:
                try await act(.village, village, .villageReject(reason: reason))
            case 43..<53:
                try await act(.village, village, .villageConfirm(opinion: "入户核实属实"))
                try await act(.town, township, .townshipConfirm(opinion: "乡镇复核属实"))
            case 53..<65:
                try await act(.village, village, .villageConfirm(opinion: "入户核实属实"))
                try await act(.town, township, .townshipConfirm(opinion: "乡镇复核属实"))
                try await act(.county, county, .countyInclude(opinion: "县级审核：纳入监测，转识别认定"))
            case 65..<77:
                try await act(.village, village, .villageReject(reason: reason))
                try await act(.town, township, .townshipConfirmRejection(opinion: "同意村级意见"))
            case 77..<80:
                try await act(.village, village, .villageConfirm(opinion: "入户核实属实"))
                try await act(.town, township, .townshipReject(reason: reason))
            default:
                break
            }
        }
        // Leads that arrived earlier: every instant moved back, so their deadlines passed (or are close) as they would have.
        for (days, ids) in Dictionary(grouping: late, by: \.1).mapValues({ $0.map(\.0) }) {
            let shift = -days * 86_400
            for lead in try await RiskLead.query(on: database).filter(\.$id ~~ ids).all() {
                lead.receivedAt = lead.receivedAt.addingTimeInterval(shift)
                lead.stepStartedAt = lead.stepStartedAt.addingTimeInterval(shift)
                lead.stepDueAt = lead.stepDueAt.addingTimeInterval(shift)
                lead.dueAt = lead.dueAt.addingTimeInterval(shift)
                try await lead.save(on: database)
            }
        }
    }
}
