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
        return .html(DepartmentPages.index(user: user, status: try await Self.exchangeStatus(for: user, on: request), error: nil))
    }

    func upload(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(Upload.self)
        guard let kind = form.kind.flatMap(DepartmentEventKind.init(rawValue:)), Self.mayUpload(kind, user) else {
            throw Abort(.forbidden, reason: "您不能报送该类数据。")
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return .html(DepartmentPages.index(user: user, status: try await Self.exchangeStatus(for: user, on: request), error: "请选择要上传的文件。"), status: .unprocessableEntity)
        }
        let batch = try await DepartmentIngest.receive(Data(buffer: file.data), fileName: file.filename, kind: kind, source: "upload",
                                                       user: user, actor: request.auditActor, at: request.now,
                                                       calendar: request.application.workingDayCalendar, on: request.db).batch
        return request.redirect(to: "/departments/batches/\(try batch.requireID().uuidString.lowercased())")
    }

    func batch(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let batch = try await request.scoped(DepartmentBatch.self).find(request.parameters.get("id", as: UUID.self))
        if user.role == .department, batch.department != user.department?.rawValue { throw Abort(.notFound, reason: "未找到该记录。") }
        return .html(DepartmentPages.batch(user: user, batch: batch))
    }

    /// Changes how often a department must send data (county and administrators).
    func setCadence(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard [.admin, .county].contains(user.role) else { throw Abort(.forbidden, reason: "只有县级部门和管理员可以调整报送频次。") }
        guard let department = Department(rawValue: request.formText("department")),
              let days = Int(request.formText("every_days")), (1...366).contains(days) else {
            throw Abort(.unprocessableEntity, reason: "请选择部门，并填写 1–366 之间的天数。")
        }
        guard let cadence = try await ExchangeCadence.query(on: request.db).filter(\.$department == department.rawValue).first() else { throw Abort(.notFound) }
        let before = ["every_days": String(cadence.everyDays)]
        cadence.everyDays = days
        cadence.source = "由 \(user.displayName) 调整"
        try await request.db.transaction { database in
            try await cadence.save(on: database)
            try await AuditLog.record(.update, entityType: "exchange_cadence", entityID: department.rawValue, areaCode: user.areaCode.value,
                                      summary: "调整\(department.label)报送频次为每 \(days) 天", before: before, after: ["every_days": String(days)],
                                      actor: request.auditActor, at: request.now, on: database)
        }
        return request.redirect(to: "/departments")
    }

    func template(_ request: Request) async throws -> Response {
        guard let kind = request.parameters.get("kind").flatMap(DepartmentEventKind.init(rawValue:)) else { throw Abort(.notFound) }
        return try .spreadsheet([DepartmentRowParser.templateHeader(for: kind)], format: .csv, baseName: "template-\(kind.rawValue)", sheetName: kind.label)
    }

    static func mayUpload(_ kind: DepartmentEventKind, _ user: CurrentUser) -> Bool {
        switch user.role {
        case .department: kind.department == user.department
        case .admin, .county: true
        default: false
        }
    }

    struct KindStatus {
        let kind: DepartmentEventKind
        let lastReceived: Date?
        let everyDays: Int
        let isLate: Bool
        let canUpload: Bool
    }

    /// Per data kind the user may see: when data last came, the agreed cadence, and whether it is late.
    static func exchangeStatus(for user: CurrentUser, on request: Request) async throws -> (kinds: [KindStatus], batches: [DepartmentBatch]) {
        let kinds = DepartmentEventKind.allCases.filter { user.role != .department || $0.department == user.department }
        var query = try request.scoped(DepartmentBatch.self).query()
        if user.role == .department, let department = user.department { query = query.filter(\.$department == department.rawValue) }
        let batches = try await query.sort(\.$receivedAt, .descending).limit(200).all()
        let cadences = Dictionary(try await ExchangeCadence.query(on: request.db).all().map { ($0.department, $0.everyDays) }, uniquingKeysWith: { first, _ in first })
        let status = kinds.filter { !$0.isComparison }.map { kind -> KindStatus in
            let last = batches.first { $0.kind == kind.rawValue && $0.status == "accepted" }?.receivedAt
            let every = cadences[kind.department.rawValue] ?? 31
            let late = last.map { request.now.timeIntervalSince($0) > Double(every) * 86_400 } ?? true
            return KindStatus(kind: kind, lastReceived: last, everyDays: every, isLate: late, canUpload: mayUpload(kind, user))
        }
        return (status, batches)
    }
}
