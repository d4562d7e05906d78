import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// 登记表导入 (web): upload → preview with every problem named → commit, all or nothing.
struct ImportController {
    struct Upload: Content {
        var file: File?
    }

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .importRegistry)
        let batches = try await request.scoped(ImportBatch.self).query().sort(\.$createdAt, .descending).limit(30).all()
        return .html(ImportPages.index(user: user, batches: batches))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .importRegistry)
        guard let file = try request.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return .html(
                ImportPages.index(user: user, batches: [], error: "请选择要上传的登记表文件（.xlsx 或 .csv）。"),
                status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        let batch = try await RegistryImportService.check(
            data, fileName: file.filename, user: user, dataDirectory: request.application.settings.dataDirectory,
            today: request.today, actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: SiteRoute.importBatch.path(try batch.requireID()))
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .importRegistry)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        _ = try await RegistryImportService.openPreview(
            batch, user: user, actor: request.auditActor, at: request.now, on: request.db)
        return .html(ImportPages.preview(user: user, batch: batch))
    }

    func commit(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .importRegistry)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        try await RegistryImportService.commit(
            batch, user: user, today: request.today, actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: SiteRoute.importBatch.path(try batch.requireID()))
    }

    /// The full problem report of a batch, rebuilt from the stored file, as CSV.
    func problems(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .importRegistry)
        let batch = try await request.scoped(ImportBatch.self).find(request.parameters.get("id", as: UUID.self))
        let rows = try await RegistryImportService.problemRows(
            of: batch, user: user, today: request.today, actor: request.auditActor,
            at: request.now, on: request.db)
        return try .spreadsheet(
            rows, format: .csv, baseName: "import-problems-\(batch.id?.uuidString.prefix(8).lowercased() ?? "")",
            sheetName: "问题清单")
    }
}
