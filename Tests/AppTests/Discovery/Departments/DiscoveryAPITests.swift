@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Discovery through the JSON API")
struct DiscoveryAPITests {
    @Test(
        "a department pushes JSON with its token; the lead's deadline counts working days across National Day and a make-up Saturday"
    )
    func pushAcrossHoliday() async throws {
        try await withDemoApp(households: 20) { app in
            // setup: the push arrives on 2025-09-30 at 15:30, the eve of the National Day holiday
            let received = try #require(CivilDate(year: 2025, month: 9, day: 30))
            let due = try #require(CivilDate(year: 2025, month: 10, day: 15))
            app.clock = .fixed(ChinaTime.instant(received, hour: 15, minute: 30))
            let member = try #require(try await Member.query(on: app.db).sort(\.$idNumber).first())
            let token = try await app.apiToken("dept")
            var batchID: UUID?
            // act
            try await app.testing().test(
                .POST, "api/v1/departments/events", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.DepartmentPush(
                            kind: "medicalSelfPay",
                            records: [
                                [
                                    "idNumber": member.idNumber, "name": member.name, "date": "2025-09-20",
                                    "amount": "61000",
                                ]
                            ], reference: "2025年9月医保推送"))
                },
                afterResponse: { response in
                    #expect(response.status == .ok)
                    let batch = try response.content.decode(API.DepartmentBatchItem.self)
                    #expect(batch.newEvents == 1 && batch.matched == 1)
                    batchID = batch.id
                })
            // check: the push is audited like a file
            let pushed = try #require(batchID)
            let audit = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$entityID == pushed.uuidString).first())
            #expect(audit.entityType == "department_batch" && audit.actorName == "dept")
            // check: 5 working days from 09-30 skip 10-01…10-08, count 09-28's twin make-up day 10-11, end at 24:00 on 10-14
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == member.$household.id).filter(
                    \.$riskType == "illness"
                ).first())
            #expect(lead.channel == "department")
            #expect(lead.dueAt == ChinaTime.startOfDay(due))
            let county = try await app.apiToken("county")
            try await app.testing().test(.GET, "api/v1/leads?state=open", headers: app.bearer(county)) { response in
                let page = try response.content.decode(API.Page<API.LeadItem>.self)
                #expect(page.items.contains { $0.id == lead.id })
            }
        }
    }

    @Test(
        "a push with a bad record is refused with the record and field named, and a township user works its step by API"
    )
    func refusalsAndActions() async throws {
        try await withDemoApp(households: 20) { app in
            let token = try await app.apiToken("dept")
            try await app.testing().test(
                .POST, "api/v1/departments/events", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(
                        API.DepartmentPush(
                            kind: "medicalSelfPay",
                            records: [["idNumber": "123", "name": "张三", "date": "2025-09-20", "amount": "x"]],
                            reference: nil))
                },
                afterResponse: { response in
                    #expect(response.status == .unprocessableEntity)
                    let body = try response.content.decode(ShouwangErrorMiddleware.APIError.self)
                    #expect(body.error.problems?.contains { $0.field.hasPrefix("records[0]") } == true)
                })
            try await app.testing().test(
                .POST, "api/v1/departments/events", headers: app.bearer(token),
                beforeRequest: { request in
                    try request.content.encode(API.DepartmentPush(kind: "housingRating", records: [], reference: nil))
                }, afterResponse: { response in #expect([.forbidden, .badRequest].contains(response.status)) })
            let village = try await app.user("village")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$villageCode == village.areaCode).first())
            let villageToken = try await app.apiToken("village")
            let session = try await app.signIn("village")
            try await app.testing().test(
                .POST, "households/\(try household.requireID())/leads", headers: session.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        [
                            "channel": "hotline", "risk": "accident", "description": "车祸受伤",
                            FormProtection.fieldName: session.csrf,
                        ], as: .urlEncodedForm)
                }, afterResponse: { response in #expect(response.status == .seeOther) })
            let lead = try #require(
                try await RiskLead.query(on: app.db).filter(\.$household.$id == household.requireID()).filter(
                    \.$riskType == "accident"
                ).first())
            try await app.testing().test(
                .POST, "api/v1/leads/\(try lead.requireID())/actions", headers: app.bearer(villageToken),
                beforeRequest: { request in
                    try request.content.encode(API.LeadActionRequest(action: "reject", text: "", reference: nil))
                }, afterResponse: { response in #expect(response.status == .unprocessableEntity) })
            try await app.testing().test(
                .POST, "api/v1/leads/\(try lead.requireID())/actions", headers: app.bearer(villageToken),
                beforeRequest: { request in
                    try request.content.encode(
                        API.LeadActionRequest(action: "reject", text: "核实为轻微擦伤，已痊愈，不影响生活", reference: nil))
                },
                afterResponse: { response in
                    #expect(response.status == .ok)
                    let item = try response.content.decode(API.LeadItem.self)
                    #expect(item.state == "awaitingTownshipRejectionReview")
                })
            // the village only proposes; the township confirms the rejection, and the village's reason is the outcome
            let townToken = try await app.apiToken("town")
            try await app.testing().test(
                .POST, "api/v1/leads/\(try lead.requireID())/actions", headers: app.bearer(townToken),
                beforeRequest: { request in
                    try request.content.encode(
                        API.LeadActionRequest(action: "confirmRejection", text: "同意", reference: nil))
                },
                afterResponse: { response in
                    #expect(response.status == .ok)
                    let item = try response.content.decode(API.LeadItem.self)
                    #expect(item.state == "rejected" && item.outcomeReason?.contains("轻微") == true)
                })
        }
    }
}
