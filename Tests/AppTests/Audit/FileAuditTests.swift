@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Files going out and coming in are audited")
struct FileAuditTests {
    private func events(_ action: String, _ entityType: String, _ app: Application) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).filter(\.$action == action).filter(\.$entityType == entityType).sort(
            \.$occurredAt
        ).all()
    }

    @Test("a lead ledger export and a warning list export record who, the area, the filter and the row count")
    func leadExportsAreAudited() async throws {
        try await withDemoApp(households: 30) { app in
            // setup
            let county = try await app.signIn("county")
            let user = try await app.user("county")
            // act
            try await app.testing().test(.GET, "leads/export?state=open&format=csv", headers: county.headers) {
                response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "leads/warning?format=csv", headers: county.headers) { response in
                #expect(response.status == .ok)
            }
            // check
            let exports = try await events("export", "risk_leads", app)
            #expect(exports.count == 2)
            let ledger = try #require(exports.first)
            #expect(ledger.actorName == "county" && ledger.areaCode == user.areaCode)
            let details = AuditLog.decode(ledger.afterJSON)
            #expect(details["state"] == "open" && details["format"] == "csv" && Int(details["rows"] ?? "") != nil)
            #expect(ledger.summary.contains("导出风险线索台账"))
            #expect(exports.last?.summary.contains("导出半月预警清单") == true)
        }
    }

    @Test("a registry upload and each opening of its preview are audited")
    func registryUploadAndPreviewAreAudited() async throws {
        try await withDemoApp(households: 10) { app in
            // setup
            let token = try await app.apiToken("county")
            let rows = [
                RegistryExport.header,
                registryRow(
                    household: "X-1", village: "512002110201", address: "某村", name: "张三",
                    idNumber: "512002198001010011", relation: "户主"),
            ]
            var id: UUID?
            // act
            try await app.testing().test(
                .POST, "api/v1/registry/imports?filename=new.csv", headers: app.bearer(token),
                body: ByteBuffer(data: SpreadsheetWriter.csv(rows))
            ) { response in
                #expect(response.status == .ok)
                id = try response.content.decode(API.ImportBatchItem.self).id
            }
            let batch = try #require(id)
            try await app.testing().test(.GET, "api/v1/registry/imports/\(batch)", headers: app.bearer(token)) {
                response in
                #expect(response.status == .ok)
            }
            let session = try await app.signIn("county")
            try await app.testing().test(.GET, "registry/imports/\(batch)", headers: session.headers) { response in
                #expect(response.status == .ok)
            }
            // check
            let uploads = try await events("upload", "import_batch", app)
            #expect(uploads.count == 1)
            #expect(uploads.first?.entityID == batch.uuidString && uploads.first?.actorName == "county")
            #expect(AuditLog.decode(uploads.first?.afterJSON)["file"] == "new.csv")
            #expect(AuditLog.decode(uploads.first?.afterJSON)["rows"] == "1")
            let previews = try await events("view_preview", "import_batch", app)
            #expect(previews.count == 2)
        }
    }

    @Test("a department file that cannot be read is refused and its sending is still audited")
    func unreadableDepartmentFileIsAudited() async throws {
        try await withDemoApp(households: 5) { app in
            // setup
            let dept = try await app.signIn("dept")
            // act
            try await app.testing().test(
                .POST, "departments/batches", headers: dept.formHeaders,
                beforeRequest: { request in
                    try request.content.encode(
                        DepartmentUploadForm(
                            file: File(data: ByteBuffer(string: "PK\u{3}\u{4}broken"), filename: "broken.xlsx"),
                            kind: "medicalSelfPay", _csrf: dept.csrf), as: .formData)
                },
                afterResponse: { response in
                    // check
                    #expect(response.status == .unprocessableEntity)
                })
            let uploads = try await events("upload", "department_batch", app)
            #expect(uploads.count == 1 && uploads.first?.actorName == "dept")
            #expect(AuditLog.decode(uploads.first?.afterJSON)["file"] == "broken.xlsx")
        }
    }
}
