@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The set-based comparison and write of the registry import: new households written by INSERT … SELECT with their
/// audit, registered ones updated only where they differ.
extension RegistryStreamImportTests {
    private func column(_ column: RegistryColumn) throws -> Int {
        try #require(RegistryColumn.allCases.firstIndex(of: column))
    }

    private func household(_ index: Int, _ app: Application) async throws -> Household {
        try #require(
            try await Household.query(on: app.db).filter(
                \.$householdNumber == "5120029998" + String(format: "%06d", index)
            ).first())
    }

    private func events(of household: Household, _ app: Application) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).filter(\.$entityType == Household.auditEntityType)
            .filter(\.$entityID == (household.id?.uuidString ?? "")).all()
    }

    private struct Count: Decodable { let count: Int }

    @Test(
        "a new household written set-based has one audit record with the same snapshot text as one written record by record, and its screening facts"
    )
    func newHouseholdAudit() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: household 4's address with a backslash and a slash, which COPY and JSON must both keep
            let village = try await app.user("village").areaCode
            var rows = try newHouseholds(12, village: village)
            for row in 12..<15 { rows[row][try column(.address)] = #"测试\地址/4号"# }
            let path = try write(rows)
            defer { try? FileManager.default.removeItem(atPath: path) }
            // act
            _ = try await commit(path, app)
            try await ScreeningFactsStore.refresh(incomeYear: 2025, on: app.db)
            // check
            let household = try await household(4, app)
            let events = try await events(of: household, app)
            #expect(events.count == 1)
            let event = try #require(events.first)
            let expected: AuditSnapshot = [
                "household_number": household.householdNumber, "village_code": village, "group_code": "",
                "grid_code": "",
                "household_type": household.householdType, "alleviated_year": "", "member_count": "3", "phone": "",
                "address": #"测试\地址/4号"#, "bank_account": "", "head_name": name(4, 0),
            ]
            #expect(household.address == #"测试\地址/4号"#)
            #expect(event.afterJSON == AuditLog.encodeSnapshot(expected) && event.beforeJSON == nil)
            #expect(event.action == "create" && event.summary == "导入新增农户（户编号 \(household.householdNumber)，3 人）")
            #expect(
                event.reason?.hasPrefix("导入批次 ") == true && event.areaCode == village && event.actorName == "system")
            let members = try await Member.query(on: app.db).filter(\.$household.$id == (household.id ?? UUID())).all()
            #expect(members.map(\.name).sorted() == [name(4, 0), name(4, 1), name(4, 2)].sorted())
            let sql = try #require(app.db as? any SQLDatabase)
            let facts = try await sql.raw(
                """
                SELECT COUNT(*) AS count FROM screening_facts f JOIN households h ON h.id = f.household_id
                WHERE h.household_number LIKE '5120029998%'
                """
            ).first(decoding: Count.self)
            #expect(facts?.count == 12)
        }
    }

    @Test(
        "a changed member, a new member and changed addresses are applied with their audit; a departed member left out changes nothing; again, nothing changes"
    )
    func updatesOfRegisteredHouseholds() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: 12 households imported; then household 0's spouse has finished senior high school, household 1 has
            // a daughter, household 2's child has left (departed in the registry, no longer in the file), households 3 to 11
            // moved (more than a page of changed households)
            let village = try await app.user("village").areaCode
            let original = try newHouseholds(12, village: village)
            let first = try write(original)
            defer { try? FileManager.default.removeItem(atPath: first) }
            _ = try await commit(first, app)
            var rows = original
            rows[1][try column(.education)] = "高中"
            for row in 9..<36 { rows[row][try column(.address)] = "新地址" }
            var daughter = rows[5]
            daughter[try column(.name)] = "赵新"
            daughter[try column(.relation)] = "之女"
            daughter[try column(.idNumber)] = try IdentityNumber.make(
                region: "512002", birth: try #require(CivilDate(year: 1992, month: 3, day: 4)),
                sequence: 990
            ).value
            rows.insert(daughter, at: 6)
            let child = rows[9]
            rows.remove(at: 9)
            let departed = try #require(
                try await Member.query(on: app.db).filter(\.$idNumber == child[try column(.idNumber)]).first())
            departed.departedOn = "2026-10-01"
            departed.departureReason = "迁出"
            try await departed.save(on: app.db)
            let second = try write(rows)
            defer { try? FileManager.default.removeItem(atPath: second) }
            let before = try await counts(app)
            // act
            let changed = try await commit(second, app)
            let again = try await commit(second, app)
            // check
            #expect(changed.changedHouseholds == 11 && changed.unchangedHouseholds == 1 && changed.newHouseholds == 0)
            #expect(changed.newMembers == 1 && changed.changedMembers == 1)
            #expect(again.changedHouseholds == 0 && again.unchangedHouseholds == 12 && again.newMembers == 0)
            #expect(try await counts(app) == [before[0], before[1] + 1, before[2] + 11 + 2])
            let spouse = try #require(
                try await Member.query(on: app.db).filter(\.$idNumber == original[1][try column(.idNumber)]).first())
            #expect(spouse.education == Education.seniorHigh.rawValue)
            let withDaughter = try await household(1, app)
            #expect(withDaughter.memberCount == 4 && withDaughter.version == 2)
            let update = try #require(try await events(of: withDaughter, app).first { $0.action == "update" })
            #expect(
                AuditLog.decode(update.beforeJSON)["member_count"] == "3"
                    && AuditLog.decode(update.afterJSON)["member_count"] == "4")
            let left = try await household(2, app)
            #expect(left.version == 1 && left.memberCount == 3)
            #expect(try await events(of: left, app).count == 1)
            let stillDeparted = try #require(try await Member.find(departed.id, on: app.db))
            #expect(stillDeparted.departedOn == "2026-10-01")
            for index in 3..<12 {
                let moved = try await household(index, app)
                #expect(moved.address == "新地址" && moved.version == 2)
            }
        }
    }
}

extension RegistryStreamImportTests {
    @Test(
        "a person registered in a household outside the importer's village is refused without saying where; inside, the household is named"
    )
    func personRegisteredElsewhere() async throws {
        try await withDemoApp(households: 40) { app in
            // setup: two new households of the village account's village, listing a person of another village and one of its own
            let village = try await app.user("village").areaCode
            let scope = AccessScope(root: try #require(AreaCode(village)))
            let households = try await Household.query(on: app.db).with(\.$members).all()
            let outside = try #require(households.first { $0.villageCode != village && !$0.members.isEmpty })
            let inside = try #require(households.first { $0.villageCode == village && !$0.members.isEmpty })
            var rows = try newHouseholds(2, village: village)
            let idColumn = try #require(RegistryColumn.allCases.firstIndex(of: .idNumber))
            let stranger = try #require(outside.members.first { $0.departedOn == nil })
            let neighbour = try #require(inside.members.first { $0.departedOn == nil })
            rows[2][idColumn] = stranger.idNumber
            rows[5][idColumn] = neighbour.idNumber
            let path = try write(rows)
            defer { try? FileManager.default.removeItem(atPath: path) }
            // act
            let reading = try await RegistryImporter.read(
                fileAt: path, fileName: "stream.csv", scope: scope, today: today, blocks: blocks, on: app.db)
            // check
            let problems = reading.problems.filter { $0.column == "身份证号" }
            let far = try #require(problems.first { $0.row == 4 })
            #expect(far.reason.contains("管辖范围以外") && !far.reason.contains(outside.householdNumber))
            let near = try #require(problems.first { $0.row == 7 })
            #expect(near.reason.contains(inside.householdNumber))
        }
    }
}
