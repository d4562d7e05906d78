import Domain
import Fluent
import Spreadsheet
import Vapor

/// 部门数据交换 (web): each department sends its data as a file; everyone in the area sees who sent what and when,
/// and who is late.
struct DepartmentController {
    struct Upload: Content {
        var file: File?
        var kind: String?
    }

    func index(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return .html(
            DepartmentPages.index(
                user: user,
                status: try await DepartmentService.exchangeStatus(for: user, at: request.now, on: request.db),
                error: nil))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(Upload.self)
        func refused(_ error: String) async throws -> Response {
            .html(
                DepartmentPages.index(
                    user: user,
                    status: try await DepartmentService.exchangeStatus(for: user, at: request.now, on: request.db),
                    error: error), status: .unprocessableEntity)
        }
        guard let kind = form.kind.flatMap(DepartmentEventKind.init(rawValue:)) else {
            return try await refused("请选择数据类型。")
        }
        guard DepartmentService.mayUpload(kind, user) else { throw AppError.forbidden(.sendDepartmentData) }
        guard let file = form.file, file.data.readableBytes > 0 else { return try await refused("请选择要上传的文件。") }
        let batch = try await DepartmentIngest.receive(
            Data(buffer: file.data), fileName: file.filename, kind: kind, source: "upload",
            user: user, actor: request.auditActor, at: request.now,
            calendar: request.application.workingDayCalendar, on: request.db
        ).batch
        return request.redirect(to: SiteRoute.departmentBatch.path(try batch.requireID()))
    }

    func batch(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let batch = try await request.scoped(DepartmentBatch.self).find(request.parameters.get("id", as: UUID.self))
        if user.role == .department, batch.department != user.department?.rawValue { throw AppError.recordNotFound }
        return .html(DepartmentPages.batch(user: user, batch: batch))
    }

    /// Sets how often a department must send data in an area, from today on (`DepartmentService.setCadence`).
    func setCadence(_ request: Request) async throws -> Response {
        let user = try request.requireUser(holding: .setExchangeCadences)
        guard let department = Department(rawValue: request.formText("department")),
            let value = Int(request.formText("value").trimmingCharacters(in: .whitespaces)),
            let pattern = ExchangePattern(kind: request.formText("pattern"), value: value)
        else {
            throw AppError.cadenceIncomplete
        }
        let scope = try DepartmentService.cadenceScope(requested: request.formText("scope"), for: user)
        try await DepartmentService.setCadence(
            pattern, for: department, in: scope, by: user, actor: request.auditActor, at: request.now, on: request.db)
        return request.redirect(to: SiteRoute.departments.path())
    }

    func template(_ request: Request) async throws -> Response {
        guard let kind = request.parameters.get("kind").flatMap(DepartmentEventKind.init(rawValue:)) else {
            throw AppError.recordNotFound
        }
        return try .spreadsheet(
            [DepartmentRowParser.templateHeader(for: kind)], format: .csv, baseName: "template-\(kind.rawValue)",
            sheetName: kind.label)
    }
}
