@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Registry import read in blocks")
struct RegistryStreamImportTests {
    /// Small blocks and pages, so that a file of a few dozen rows crosses many of both.
    let blocks = RegistryImporter.Blocks(bytes: 600, households: 7)
    func county() throws -> AccessScope { AccessScope(root: try #require(AreaCode("512002000000"))) }
    var today: CivilDate { ChinaTime.civilDate(of: testNow) }

    /// Rows of `households` new households of three people each (head, spouse, child) in the village account's
    /// village, with valid identity numbers; `row(n)` of the result is sheet row n + 2.
    func newHouseholds(_ households: Int, village: String) throws -> [[String]] {
        var rows: [[String]] = []
        for index in 0..<households {
            let number = "5120029998" + String(format: "%06d", index)
            for (person, relation) in ["户主", "配偶", "之子"].enumerated() {
                let birth = try #require(CivilDate(year: 1960 + person * 15, month: 1 + index % 12, day: 1 + person))
                let id = try IdentityNumber.make(region: "512002", birth: birth, sequence: 100 + index * 3 + person)
                rows.append(
                    registryRow(
                        household: number, village: village, address: "测试地址\(index)号", name: name(index, person),
                        idNumber: id.value, relation: relation))
            }
        }
        return rows
    }

    /// Names may not hold digits: the household's index spelt in 甲乙丙….
    func name(_ index: Int, _ person: Int) -> String {
        let digits = Array("甲乙丙丁戊己庚辛壬癸")
        return ["张", "王", "李"][person] + String(index).map { digits[Int(String($0)) ?? 0] }
    }

    func write(_ rows: [[String]]) throws -> String {
        let path = NSTemporaryDirectory() + "shouwang-stream-\(UUID().uuidString.prefix(8)).csv"
        let text = ([RegistryExport.header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The problems the whole-file plan finds in the same rows: the streamed check must name the same ones.
    private func wholeFileProblems(_ rows: [[String]]) -> [ImportProblem] {
        RegistryImportPlan.make(
            header: RegistryExport.header, rows: rows, today: today, isKnownVillage: { _ in true },
            isKnownSubArea: { _ in true }
        ).problems
    }

    func commit(_ path: String, _ app: Application) async throws -> RegistryImporter.Reading {
        try await RegistryImporter.commit(
            fileAt: path, fileName: "stream.csv", scope: try county(), today: today, batchID: UUID(),
            areaCode: "512002000000", actor: .system, at: testNow, blocks: blocks, on: app.db)
    }

    func counts(_ app: Application) async throws -> [Int] {
        [
            try await Household.query(on: app.db).count(), try await Member.query(on: app.db).count(),
            try await AuditEvent.query(on: app.db).count(),
        ]
    }

    /// Checks and commits the rows in small blocks: the commit is refused and changes nothing, and the check names
    /// exactly the problems the whole-file plan names.
    private func refused(_ rows: [[String]], _ app: Application) async throws -> RegistryImporter.Reading {
        let path = try write(rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = try await counts(app)
        let checked = try await RegistryImporter.read(
            fileAt: path, fileName: "stream.csv", scope: try county(), today: today, blocks: blocks, on: app.db)
        await #expect(throws: RegistryImporter.Refused.self) { try await commit(path, app) }
        #expect(checked.problems == wholeFileProblems(rows))
        #expect(try await counts(app) == before)
        return checked
    }

    @Test(
        "a file of many blocks and pages imports every household with its members and one audit record each; again, it changes nothing"
    )
    func manyBlocksImportOnce() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let village = try await app.user("village").areaCode
            let rows = try newHouseholds(30, village: village)
            let path = try write(rows)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let before = try await counts(app)
            // act
            let first = try await commit(path, app)
            let second = try await commit(path, app)
            // check
            #expect(
                first.rowCount == 90 && first.householdCount == 30 && first.newHouseholds == 30
                    && first.newMembers == 90)
            #expect(second.unchangedHouseholds == 30 && second.newHouseholds == 0 && second.changedHouseholds == 0)
            #expect(try await counts(app) == [before[0] + 30, before[1] + 90, before[2] + 30 + 2])
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$householdNumber == "5120029998000029").first())
            #expect(household.memberCount == 3 && household.headName == name(29, 0))
        }
    }

    @Test("an identity number found again in a later block is refused naming both rows, and nothing changes")
    func duplicateIdentityAcrossBlocks() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: row 2's identity number again on the last row, in another household
            let village = try await app.user("village").areaCode
            var rows = try newHouseholds(30, village: village)
            let idColumn = try #require(RegistryColumn.allCases.firstIndex(of: .idNumber))
            rows[rows.count - 2][idColumn] = rows[0][idColumn]
            // act
            let checked = try await refused(rows, app)
            // check
            #expect(checked.problems.contains { $0.row == 2 && $0.column == "身份证号" && $0.reason.contains("第90行") })
            #expect(checked.problems.contains { $0.row == 90 && $0.column == "身份证号" && $0.reason.contains("第2行") })
        }
    }

    @Test("a second head of a household at the end of the file is refused naming both rows, and nothing changes")
    func secondHeadAcrossBlocks() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: the last row joins the first household as its head
            let village = try await app.user("village").areaCode
            var rows = try newHouseholds(30, village: village)
            var extra = rows[rows.count - 1]
            rows.removeLast()
            for column in RegistryColumn.allCases.filter(\.isHouseholdField) {
                let index = try #require(RegistryColumn.allCases.firstIndex(of: column))
                extra[index] = rows[0][index]
            }
            extra[try #require(RegistryColumn.allCases.firstIndex(of: .relation))] = "户主"
            rows.append(extra)
            // act
            let checked = try await refused(rows, app)
            // check
            #expect(checked.problems.contains { $0.row == 91 && $0.column == "与户主关系" && $0.reason.contains("第2、91行") })
        }
    }

    @Test("a bad row late in the file, after pages were already written, leaves the registry as it was")
    func badRowLateChangesNothing() async throws {
        try await withDemoApp(households: 10) { app in
            // setup: a registry conflict only the comparison with the registry finds, in the last household
            let village = try await app.user("village").areaCode
            var rows = try newHouseholds(30, village: village)
            let idColumn = try #require(RegistryColumn.allCases.firstIndex(of: .idNumber))
            let registered = try #require(
                try await Member.query(on: app.db).filter(\.$departedOn == nil).all()
                    .first { Int($0.idNumber.dropFirst(6).prefix(4)).map { $0 < 1990 } == true })
            rows[rows.count - 1][idColumn] = registered.idNumber
            let bad = try write(rows)
            rows[rows.count - 2][idColumn] = "51200219800101123"
            let badCell = try write(rows)
            defer { for path in [bad, badCell] { try? FileManager.default.removeItem(atPath: path) } }
            let before = try await counts(app)
            // act
            await #expect(throws: RegistryImporter.Refused.self) { try await commit(bad, app) }
            await #expect(throws: RegistryImporter.Refused.self) { try await commit(badCell, app) }
            let conflict = try await RegistryImporter.read(
                fileAt: bad, fileName: "stream.csv", scope: try county(), today: today, blocks: blocks, on: app.db)
            let cell = try await RegistryImporter.read(
                fileAt: badCell, fileName: "stream.csv", scope: try county(), today: today, blocks: blocks, on: app.db)
            // check
            let after = try await counts(app)
            #expect(after == before, "\(before) → \(after)")
            #expect(
                conflict.problems.count == 1
                    && conflict.problems.contains { $0.row == 91 && $0.reason.contains("同一人不能在两户登记") })
            #expect(cell.problems.contains { $0.row == 90 && $0.reason.contains("18") })
        }
    }
}
