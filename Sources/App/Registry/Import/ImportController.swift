import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// 登记表导入 (web): upload → preview with every problem named → commit, all or nothing.
struct ImportController {
    static let maximumFileSize = 64 * 1024 * 1024
    static let storedProblems = 1_000

    struct Upload: Content {
        var file: File?
    }

    func index(_ request: Request) async throws -> Response {
        let user = try requireImporter(request)
        let batches = try await request.scoped(ImportBatch.self).query().sort(\.$createdAt, .descending).limit(30).all()
        return .html(ImportPages.index(user: user, batches: batches))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try requireImporter(request)
        guard let file = try request.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return .html(ImportPages.index(user: user, batches: [], error: "请选择要上传的登记表文件（.xlsx 或 .csv）。"), status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        let batch = try await check(data, fileName: file.filename, user: user, on: request)
        return request.redirect(to: SiteRoute.importBatch.path(try batch.requireID()))
    }

    func show(_ request: Request) async throws -> Response {
        let user = try requireImporter(request)
        let batch = try await Self.openPreview(request, user: user)
        return .html(ImportPages.preview(user: user, batch: batch))
    }

    /// A batch of the user's area opened for its preview (rows, problems and their values), which is audited.
    static func openPreview(_ request: Request, user: CurrentUser) async throws -> ImportBatch {
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        try await AuditLog.record(.viewPreview, entityType: "import_batch", entityID: try batch.requireID().uuidString, areaCode: user.areaCode.value,
                                  summary: "查看登记表导入预览「\(batch.fileName)」：\(batch.rowCount) 行，问题 \(batch.problemCount) 条",
                                  actor: request.auditActor, at: request.now, on: request.db)
        return batch
    }

    func commit(_ request: Request) async throws -> Response {
        let user = try requireImporter(request)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        guard batch.status == ImportBatch.Status.previewed.rawValue else {
            throw Abort(.conflict, reason: batch.status == ImportBatch.Status.committed.rawValue ? "该批次已经导入，不会重复导入。" : "该批次有问题，不能导入。")
        }
        try await Self.commit(batch, user: user, on: request)
        return request.redirect(to: SiteRoute.importBatch.path(try batch.requireID()))
    }

    /// The full problem report of a batch, rebuilt from the stored file, as CSV.
    func problems(_ request: Request) async throws -> Response {
        let user = try requireImporter(request)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        let reading = try await RegistryImporter.read(fileAt: batch.storedPath, fileName: batch.fileName, scope: user.scope,
                                                      today: request.today, on: request.db)
        let rows = [["行号", "列", "值", "问题"]] + reading.problems.map { [String($0.row), $0.column, $0.value, $0.reason] }
        try await AuditLog.record(.export, entityType: "import_batch", entityID: try batch.requireID().uuidString, areaCode: user.areaCode.value,
                                  summary: "导出登记表导入问题清单「\(batch.fileName)」\(reading.problems.count) 条（CSV）",
                                  after: ["rows": String(reading.problems.count), "format": "csv"],
                                  actor: request.auditActor, at: request.now, on: request.db)
        return try .spreadsheet(rows, format: .csv, baseName: "import-problems-\(batch.id?.uuidString.prefix(8).lowercased() ?? "")", sheetName: "问题清单")
    }

    private func requireImporter(_ request: Request) throws -> CurrentUser {
        let user = try request.requireUser()
        guard user.role.canImportRegistry else { throw Abort(.forbidden, reason: "您的角色不能导入登记表。") }
        return user
    }

    /// Reads and checks a file, keeps it, and records the batch as previewed (no problems) or refused.
    func check(_ data: Data, fileName: String, user: CurrentUser, on request: Request) async throws -> ImportBatch {
        guard data.count <= Self.maximumFileSize else { throw Abort(.payloadTooLarge, reason: "文件超过 64 MB，请分批导入。") }
        let batchID = UUID()
        let directory = request.application.settings.dataDirectory + "/imports"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/\(batchID.uuidString.lowercased()).upload"
        try data.write(to: URL(fileURLWithPath: path))
        let reading: RegistryImporter.Reading
        do {
            reading = try await RegistryImporter.read(fileAt: path, fileName: fileName, scope: user.scope, today: request.today, on: request.db)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let batch = ImportBatch(id: batchID, user: user, fileName: fileName, sha256: RegistryImporter.sha256(data), storedPath: path, reading: reading)
        try await request.db.transaction { database in
            try await batch.create(on: database)
            try await AuditLog.recordUpload(
                entityType: "import_batch", entityID: batchID.uuidString,
                summary: "上传登记表「\(batch.fileName)」：\(reading.rowCount) 行、\(reading.householdCount) 户，问题 \(reading.problems.count) 条，\(reading.isValid ? "待确认导入" : "已退回")",
                file: batch.fileName, sha256: batch.fileSHA256,
                details: ["rows": String(reading.rowCount), "households": String(reading.householdCount), "problems": String(reading.problems.count),
                          "status": batch.status],
                user: user, actor: request.auditActor, at: request.now, on: database)
        }
        return batch
    }

    /// Applies a previewed batch, checking the file again against the registry as it is now while applying it: a
    /// problem found on the way rolls everything back and the batch is recorded as refused.
    static func commit(_ batch: ImportBatch, user: CurrentUser, on request: Request) async throws {
        let batchID = try batch.requireID()
        let actor = request.auditActor, now = request.now
        do {
            try await RegistryImporter.commit(fileAt: batch.storedPath, fileName: batch.fileName, scope: user.scope, today: request.today,
                                              batchID: batchID, areaCode: user.areaCode.value, actor: actor, at: now,
                                              on: request.db) { database, reading in
                batch.record(reading)
                batch.status = ImportBatch.Status.committed.rawValue
                batch.committedAt = now
                try await batch.save(on: database)
            }
        } catch let refused as RegistryImporter.Refused {
            batch.record(refused.reading)
            batch.status = ImportBatch.Status.refused.rawValue
            try await batch.save(on: request.db)
        }
    }
}

extension ImportBatch {
    convenience init(id: UUID, user: CurrentUser, fileName: String, sha256: String, storedPath: String, reading: RegistryImporter.Reading) {
        self.init()
        self.id = id
        userID = user.id
        username = user.username
        areaCode = user.areaCode.value
        kind = "registry"
        self.fileName = String(fileName.prefix(200))
        fileSHA256 = sha256
        self.storedPath = storedPath
        encoding = reading.encoding
        record(reading)
        status = (reading.isValid ? Status.previewed : Status.refused).rawValue
    }

    func record(_ reading: RegistryImporter.Reading) {
        rowCount = reading.rowCount
        householdCount = reading.householdCount
        newHouseholds = reading.newHouseholds
        changedHouseholds = reading.changedHouseholds
        unchangedHouseholds = reading.unchangedHouseholds
        newMembers = reading.newMembers
        changedMembers = reading.changedMembers
        problemCount = reading.problems.count
        problemsJSON = (try? JSONEncoder().encode(Array(reading.problems.prefix(ImportController.storedProblems))))
            .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        var notes = reading.notes
        if reading.unlistedMembers > 0 {
            notes.append("登记在册但文件中没有的成员 \(reading.unlistedMembers) 人：保持不变（成员迁出请在农户页面办理）。")
        }
        notesJSON = (try? JSONEncoder().encode(notes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    var problems: [ImportProblem] {
        (try? JSONDecoder().decode([ImportProblem].self, from: Data(problemsJSON.utf8))) ?? []
    }

    var notes: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(notesJSON.utf8))) ?? []
    }
}
