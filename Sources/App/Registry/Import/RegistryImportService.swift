import Domain
import Fluent
import Foundation
import Vapor

/// 登记表导入: the use cases of the web upload and the API alike — check a file and keep it as a batch, open a
/// batch's preview, commit a previewed batch, rebuild a batch's problem report — with the user, the time and the
/// database given, never a request.
enum RegistryImportService {
    static let maximumFileSize = 64 * 1024 * 1024
    static let storedProblems = 1_000

    /// Reads and checks a file, keeps it, and records the batch as previewed (no problems) or refused.
    static func check(
        _ data: Data, fileName: String, user: CurrentUser, dataDirectory: String, today: CivilDate,
        actor: AuditLog.Actor, at now: Date, on database: any Database
    ) async throws -> ImportBatch {
        guard data.count <= Self.maximumFileSize else {
            throw AppError.fileTooLarge(megabytes: Self.maximumFileSize / 1_048_576)
        }
        let batchID = UUID()
        let directory = dataDirectory + "/imports"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/\(batchID.uuidString.lowercased()).upload"
        try data.write(to: URL(fileURLWithPath: path))
        let reading: RegistryImporter.Reading
        do {
            reading = try await RegistryImporter.read(
                fileAt: path, fileName: fileName, scope: user.scope, today: today, on: database)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let batch = ImportBatch(
            id: batchID, user: user, fileName: fileName, sha256: RegistryImporter.sha256(data), storedPath: path,
            reading: reading)
        try await database.transaction { database in
            try await batch.create(on: database)
            try await AuditLog.recordUpload(
                entityType: "import_batch", entityID: batchID.uuidString,
                summary:
                    "上传登记表「\(batch.fileName)」：\(reading.rowCount) 行、\(reading.householdCount) 户，问题 \(reading.problems.count) 条，\(reading.isValid ? "待确认导入" : "已退回")",
                file: batch.fileName, sha256: batch.fileSHA256,
                details: [
                    "rows": String(reading.rowCount), "households": String(reading.householdCount),
                    "problems": String(reading.problems.count),
                    "status": batch.status,
                ],
                user: user, actor: actor, at: now, on: database)
        }
        return batch
    }

    /// A batch of the user's area opened for its preview (rows, problems and their values), which is audited.
    static func openPreview(
        _ batch: ImportBatch, user: CurrentUser, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws -> ImportBatch {
        try await AuditLog.record(
            .viewPreview, entityType: "import_batch", entityID: try batch.requireID().uuidString,
            areaCode: user.areaCode.value,
            summary: "查看登记表导入预览「\(batch.fileName)」：\(batch.rowCount) 行，问题 \(batch.problemCount) 条",
            actor: actor, at: now, on: database)
        return batch
    }

    /// Applies a previewed batch (any other is refused, `AppError.batchNotCommittable`), checking the file again against the registry as it is now while applying it: a
    /// problem found on the way rolls everything back and the batch is recorded as refused.
    static func commit(
        _ batch: ImportBatch, user: CurrentUser, today: CivilDate, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws {
        guard batch.status == ImportBatch.Status.previewed.rawValue else {
            throw AppError.batchNotCommittable(alreadyCommitted: batch.status == ImportBatch.Status.committed.rawValue)
        }
        let batchID = try batch.requireID()
        do {
            try await RegistryImporter.commit(
                fileAt: batch.storedPath, fileName: batch.fileName, scope: user.scope, today: today,
                batchID: batchID, areaCode: user.areaCode.value, actor: actor, at: now,
                on: database
            ) { database, reading in
                batch.record(reading)
                batch.status = ImportBatch.Status.committed.rawValue
                batch.committedAt = now
                try await batch.save(on: database)
            }
        } catch let refused as RegistryImporter.Refused {
            batch.record(refused.reading)
            batch.status = ImportBatch.Status.refused.rawValue
            try await batch.save(on: database)
        }
    }

    /// The full problem report of a batch, rebuilt from the stored file, as spreadsheet rows (a header first); the
    /// export is audited.
    static func problemRows(
        of batch: ImportBatch, user: CurrentUser, today: CivilDate, actor: AuditLog.Actor, at now: Date,
        on database: any Database
    ) async throws -> [[String]] {
        let reading = try await RegistryImporter.read(
            fileAt: batch.storedPath, fileName: batch.fileName, scope: user.scope,
            today: today, on: database)
        let rows =
            [["行号", "列", "值", "问题"]] + reading.problems.map { [String($0.row), $0.column, $0.value, $0.reason] }
        try await AuditLog.record(
            .export, entityType: "import_batch", entityID: try batch.requireID().uuidString,
            areaCode: user.areaCode.value,
            summary: "导出登记表导入问题清单「\(batch.fileName)」\(reading.problems.count) 条（CSV）",
            after: ["rows": String(reading.problems.count), "format": "csv"],
            actor: actor, at: now, on: database)
        return rows
    }
}
