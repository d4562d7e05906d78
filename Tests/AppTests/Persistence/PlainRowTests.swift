@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Plain-row readers")
struct PlainRowTests {
    /// Rows of `M` read through Fluent and through the plain reader, as sorted-key JSON, in the same order.
    private func bothWays<M: PlainRowModel>(
        _ type: M.Type, on database: any Database
    ) async throws -> (fluent: [String], plain: [String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = { (model: M) throws -> String in String(decoding: try encoder.encode(model), as: UTF8.self) }
        let fluent = try await M.query(on: database).sort(\M._$id).limit(40).all().map(json)
        let plain = try await database.plainRows(M.self, "ORDER BY id LIMIT 40").map(json)
        return (fluent, plain)
    }

    @Test("every plain-row reader gives exactly what Fluent gives, nulls and dates included")
    func readersMatchFluent() async throws {
        try await withDemoApp(households: 40) { app in
            // setup: a visit and a guarantee assessment with both null and set optional fields
            let household = try #require(try await Household.query(on: app.db).first())
            let visit = Visit()
            visit.$household.id = try household.requireID()
            visit.visitorName = "王五"; visit.visitorRole = "grid"; visit.visitedOn = "2026-11-20"
            visit.findings = "家中有人住院"; visit.risks = "medical"; visit.riskNote = ""
            try await visit.create(on: app.db)
            let water = GuaranteeRecord()
            water.$household.id = try household.requireID()
            water.kind = "water"; water.assessedOn = "2026-10-01"; water.secured = false
            water.waterQuantity = true; water.waterQuality = false; water.note = ""; water.recordedBy = "村委"
            try await water.create(on: app.db)
            // act and check, model by model
            func check<M: PlainRowModel>(_ type: M.Type) async throws {
                let (fluent, plain) = try await bothWays(type, on: app.db)
                #expect(!fluent.isEmpty, "no \(M.schema) rows to compare")
                #expect(plain == fluent, "\(M.schema) read differently")
            }
            try await check(Household.self)
            try await check(Member.self)
            try await check(IncomeRecord.self)
            try await check(GuaranteeRecord.self)
            try await check(Visit.self)
            try await check(RiskLead.self)
            try await check(AuditEvent.self)
            try await check(User.self)
            try await check(Area.self)
        }
    }

    @Test("a reader's column list names every field of its model")
    func columnListsAreComplete() async throws {
        // check: Fluent's own list of stored keys against each reader's list
        func keys<M: PlainRowModel>(_ type: M.Type) -> Set<String> {
            Set(M().properties.compactMap { $0 as? any AnyDatabaseProperty }.flatMap(\.keys).map(\.description))
        }
        #expect(keys(Household.self) == Set(Household.plainColumns))
        #expect(keys(Member.self) == Set(Member.plainColumns))
        #expect(keys(IncomeRecord.self) == Set(IncomeRecord.plainColumns))
        #expect(keys(GuaranteeRecord.self) == Set(GuaranteeRecord.plainColumns))
        #expect(keys(Visit.self) == Set(Visit.plainColumns))
        #expect(keys(RiskLead.self) == Set(RiskLead.plainColumns))
        #expect(keys(AuditEvent.self) == Set(AuditEvent.plainColumns))
        #expect(keys(User.self) == Set(User.plainColumns))
        #expect(keys(Area.self) == Set(Area.plainColumns))
    }
}
