@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Registry import and export")
struct RegistryImportTests {
    struct UploadForm: Content {
        var file: File
        var _csrf: String
    }

    /// Uploads a file as the browser form does and returns the batch it created.
    private func upload(
        _ app: Application, _ data: Data, name: String, as session: BrowserSession
    ) async throws -> ImportBatch {
        var location: String?
        try await app.testing().test(
            .POST, "registry/imports", headers: session.formHeaders,
            beforeRequest: { request in
                try request.content.encode(
                    UploadForm(file: File(data: ByteBuffer(data: data), filename: name), _csrf: session.csrf),
                    as: .formData)
            },
            afterResponse: { response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
                location = response.headers.first(name: .location)
            })
        let id = try #require(location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
        return try #require(try await ImportBatch.find(id, on: app.db))
    }

    private func commit(_ app: Application, _ batch: ImportBatch, as session: BrowserSession) async throws -> HTTPStatus
    {
        var status = HTTPStatus.ok
        try await app.testing().test(
            .POST, "registry/imports/\(try batch.requireID())/commit", headers: session.formHeaders,
            beforeRequest: { request in
                try request.content.encode([FormProtection.fieldName: session.csrf], as: .urlEncodedForm)
            }, afterResponse: { response in status = response.status })
        return status
    }

    private func export(_ app: Application, as session: BrowserSession, format: String = "csv") async throws -> Data {
        var data = Data()
        try await app.testing().test(.GET, "households/export?format=\(format)", headers: session.headers) { response in
            #expect(response.status == .ok)
            data = Data(response.body.readableBytesView)
        }
        return data
    }

    private func counts(_ app: Application) async throws -> (Int, Int) {
        (try await Household.query(on: app.db).count(), try await Member.query(on: app.db).count())
    }

    @Test("an exported registry re-imports with nothing to change, in CSV and in xlsx")
    func roundTrip() async throws {
        try await withDemoApp(households: 40) { app in
            let county = try await app.signIn("county")
            let before = try await counts(app)
            for format in ["csv", "xlsx"] {
                let file = try await export(app, as: county, format: format)
                let batch = try await upload(app, file, name: "registry.\(format)", as: county)
                #expect(batch.status == "previewed", "\(batch.problems.prefix(3).map(\.message))")
                #expect(batch.unchangedHouseholds == 40)
                #expect(batch.newHouseholds == 0 && batch.changedHouseholds == 0 && batch.newMembers == 0)
                #expect(try await commit(app, batch, as: county) == .seeOther)
            }
            #expect(try await counts(app) == before)
        }
    }

    @Test(
        "the CSV keeps identity numbers, bank accounts and household numbers as text for Excel and still imports unchanged"
    )
    func csvForExcel() async throws {
        try await withDemoApp(households: 20) { app in
            // setup
            let county = try await app.signIn("county")
            let member = try #require(try await Member.query(on: app.db).first())
            let household = try #require(try await Household.find(member.$household.id, on: app.db))
            // act
            let file = try await export(app, as: county, format: "csv")
            let text = String(decoding: file, as: UTF8.self)
            // check: Excel sees ="…" text, never a bare long number
            #expect(text.contains("\"=\"\"\(member.idNumber)\"\"\""))
            #expect(text.contains("\"=\"\"\(household.householdNumber)\"\"\""))
            #expect(!text.contains(",\(member.idNumber),"))
            let rows = try SpreadsheetReader.rows(from: file, format: .csv)
            #expect(rows.contains { $0.contains(member.idNumber) })
            // act, check: the same file imports with nothing to change
            let batch = try await upload(app, file, name: "registry.csv", as: county)
            #expect(batch.status == "previewed", "\(batch.problems.prefix(3).map(\.message))")
            #expect(batch.unchangedHouseholds == 20)
            #expect(batch.newHouseholds == 0 && batch.changedHouseholds == 0 && batch.newMembers == 0)
        }
    }

    @Test("a new household in a GB18030 file is previewed, committed once, and a second upload changes nothing")
    func newHouseholdIdempotent() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let county = try await app.signIn("county")
            let village = try await app.user("village")
            let head = try IdentityNumber.make(
                region: "512002", birth: try #require(CivilDate(year: 1970, month: 3, day: 8)), sequence: 131)
            let wife = try IdentityNumber.make(
                region: "512002", birth: try #require(CivilDate(year: 1972, month: 5, day: 1)), sequence: 220)
            let header = RegistryExport.header.joined(separator: ",")
            func row(_ name: String, _ id: String, _ relation: String) -> String {
                registryRow(
                    household: "5120029999000001", village: village.areaCode, address: "测试地址1号", name: name,
                    idNumber: id,
                    relation: relation
                ).joined(separator: ",")
            }
            let text = [header, row("李四", head.value, "户主"), row("王芳", wife.value, "配偶")].joined(separator: "\r\n")
            let gb18030 = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
            // act
            let batch = try await upload(app, gb18030, name: "新增.csv", as: county)
            // check
            #expect(batch.encoding == "gb18030")
            #expect(batch.status == "previewed", "\(batch.problems.map(\.message))")
            #expect(batch.newHouseholds == 1 && batch.newMembers == 2)
            #expect(try await commit(app, batch, as: county) == .seeOther)
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$householdNumber == "5120029999000001").first())
            #expect(household.headName == "李四")
            #expect(household.memberCount == 2)
            #expect(try await commit(app, batch, as: county) == .conflict)
            let again = try await upload(app, gb18030, name: "新增.csv", as: county)
            #expect(again.unchangedHouseholds == 1 && again.newHouseholds == 0)
            #expect(try await commit(app, again, as: county) == .seeOther)
            #expect(try await Household.query(on: app.db).filter(\.$householdNumber == "5120029999000001").count() == 1)
            #expect(try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).count() == 2)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(
                \.$entityType == "import_batch"
            ).count()
            #expect(audit == 2)
        }
    }

    @Test("a file with bad rows is refused whole, every bad row named, and nothing changes")
    func badRowsRefused() async throws {
        try await withDemoApp(households: 10) { app in
            let county = try await app.signIn("county")
            let before = try await counts(app)
            var rows = try SpreadsheetReader.rows(from: try await export(app, as: county), format: .csv)
            let idColumn = try #require(rows[0].firstIndex(of: "身份证号"))
            let villageColumn = try #require(rows[0].firstIndex(of: "村代码"))
            rows[2][idColumn] = "51200219800101123"
            rows[4][villageColumn] = "512002999201"
            rows[5][idColumn] = rows[6][idColumn]
            let batch = try await upload(app, SpreadsheetWriter.csv(rows), name: "bad.csv", as: county)
            #expect(batch.status == "refused")
            let problems = batch.problems
            #expect(problems.contains { $0.row == 3 && $0.column == "身份证号" && $0.reason.contains("18") })
            #expect(problems.contains { $0.row == 5 && $0.column == "村代码" })
            #expect(problems.contains { [6, 7].contains($0.row) && $0.column == "身份证号" })
            #expect(try await commit(app, batch, as: county) == .conflict)
            #expect(try await counts(app) == before)
            try await app.testing().test(.GET, "registry/imports/\(try batch.requireID())", headers: county.headers) {
                response in
                #expect(response.body.string.contains("没有导入任何数据"))
            }
        }
    }

    @Test("a township user cannot import into another township, nor move a household in from outside")
    func importIsScoped() async throws {
        try await withDemoApp(households: 40) { app in
            let county = try await app.signIn("county")
            let town = try await app.signIn("town")
            let townUser = try await app.user("town")
            let file = try await export(app, as: county)
            let batch = try await upload(app, file, name: "all.csv", as: town)
            #expect(batch.status == "refused")
            #expect(batch.problems.contains { $0.column == "村代码" && $0.reason.contains("管辖范围") })
            let allHouseholds = try await Household.query(on: app.db).count()
            let inTown = try await Household.query(on: app.db).all().filter {
                $0.villageCode.hasPrefix(String(townUser.areaCode.prefix(9)))
            }.count
            #expect(allHouseholds > inTown)
        }
    }

    @Test("exports neutralise formulas and mask personal data for roles that may not see it")
    func exportSafety() async throws {
        try await withDemoApp(households: 20) { app in
            let grid = try await app.user("grid")
            let household = try #require(
                try await Household.query(on: app.db).filter(\.$gridCode == grid.areaCode).first())
            household.address = "=HYPERLINK(\"http://x\")"
            try await household.save(on: app.db)
            let member = try #require(
                try await Member.query(on: app.db).filter(\.$household.$id == household.requireID()).first())
            let county = try await app.signIn("county")
            let countyRows = try SpreadsheetReader.rows(from: try await export(app, as: county), format: .csv)
            #expect(countyRows.contains { $0.contains("'=HYPERLINK(\"http://x\")") })
            #expect(countyRows.contains { $0.contains(member.idNumber) })
            let gridSession = try await app.signIn("grid")
            let gridRows = try SpreadsheetReader.rows(
                from: try await export(app, as: gridSession, format: "xlsx"), format: .xlsx)
            #expect(gridRows.count > 1)
            #expect(!gridRows.contains { $0.contains(member.idNumber) })
            #expect(gridRows.contains { $0.contains(PersonalDataMask.identityNumber(member.idNumber)) })
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 2)
        }
    }

    @Test("the data-quality page lists a labour capacity that does not fit a healthy adult")
    func dataQuality() async throws {
        try await withDemoApp(households: 20) { app in
            let members = try await Member.query(on: app.db).all()
            let adult = try #require(
                members.first { member in
                    guard let record = member.registryRecord, let today = CivilDate(year: 2026, month: 11, day: 22)
                    else { return false }
                    return (20...50).contains(record.age(on: today)) && member.health == "healthy"
                        && member.schoolStatus == nil
                })
            adult.labourCapacity = LabourCapacity.none.rawValue
            try await adult.save(on: app.db)
            let county = try await app.signIn("county")
            try await app.testing().test(.GET, "registry/quality?rule=labourCapacity", headers: county.headers) {
                response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(adult.name))
            }
            let grid = try await app.signIn("grid")
            try await app.testing().test(.GET, "registry/quality", headers: grid.headers) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
