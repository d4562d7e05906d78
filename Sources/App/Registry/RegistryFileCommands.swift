import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// `shouwang import --file PATH --area CODE [--check-only]`: imports a registry file for an area from the command
/// line, with the same checks, all-or-nothing commit and audit as the web import — for files larger than an upload,
/// e.g. a county's or a province's yearly registry.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "registry file (.csv or .xlsx), the columns of the import template") var file:
            String?
        @Option(name: "area", help: "area the file belongs to: rows outside it are refused") var area: String?
        @Flag(name: "check-only", help: "check the file and report, change nothing") var checkOnly: Bool
    }

    var help: String { "Imports a registry file (same checks as the web import)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let path = signature.file, let raw = signature.area, let area = AreaCode(raw) else {
            throw Abort(.badRequest, reason: "--file and --area (an area code) are required")
        }
        let started = Date()
        let seconds = { String(format: "%.2f", Date().timeIntervalSince(started)) }
        let today = ChinaTime.civilDate(of: app.clock.now())
        let fileName = (path as NSString).lastPathComponent, scope = AccessScope(root: area)
        // One pass: the file is checked while it is applied, and any problem rolls the whole import back.
        let reading: RegistryImporter.Reading
        if signature.checkOnly {
            reading = try await RegistryImporter.read(
                fileAt: path, fileName: fileName, scope: scope, today: today, on: app.db)
        } else {
            do {
                reading = try await RegistryImporter.commit(
                    fileAt: path, fileName: fileName, scope: scope, today: today, batchID: UUID(),
                    areaCode: area.value, channel: "命令行",
                    actor: AuditLog.Actor(id: nil, name: "shouwang import"), at: app.clock.now(), on: app.db)
            } catch let refused as RegistryImporter.Refused {
                reading = refused.reading
            }
        }
        context.console.print(
            "checked \(reading.rowCount) rows, \(reading.householdCount) households in \(seconds()) s: "
                + "\(reading.newHouseholds) new, \(reading.changedHouseholds) changed, \(reading.unchangedHouseholds) unchanged, "
                + "\(reading.problems.count) problems")
        for problem in reading.problems.prefix(20) {
            context.console.print("  " + problem.message)
        }
        guard reading.isValid else {
            throw Abort(.unprocessableEntity, reason: "the file has problems; nothing was imported")
        }
        guard !signature.checkOnly else { return }
        context.console.print("imported in \(seconds()) s")
    }
}

/// `shouwang export --area CODE --file PATH`: the registry of an area as a CSV in the import template's columns,
/// unmasked (the command runs with the server's own rights), audited like the web export.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "area", help: "area to export") var area: String?
        @Option(name: "file", help: "CSV file to write") var file: String?
    }

    var help: String { "Exports an area's registry as CSV in the import template's columns." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let path = signature.file, let raw = signature.area, let area = AreaCode(raw) else {
            throw Abort(.badRequest, reason: "--file and --area (an area code) are required")
        }
        // Written a batch of households at a time, as the web export streams, so a province fits in memory.
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(SpreadsheetWriter.csvBytes([RegistryExport.header], byteOrderMark: true))),
            let file = FileHandle(forWritingAtPath: path)
        else { throw Abort(.badRequest, reason: "cannot write \(path)") }
        defer { try? file.close() }
        file.seekToEndOfFile()
        var (households, people) = (0, 0)
        try await RegistryExportStore.inBatches(
            of: Household.restrict(Household.query(on: app.db), to: AccessScope(root: area))
        ) { batch in
            let rows = try await RegistryExportStore.memberRows(of: batch, maskedFor: .admin, on: app.db)
            try file.write(contentsOf: SpreadsheetWriter.csvBytes(rows, byteOrderMark: false))
            households += batch.count
            people += rows.count
        }
        try await AuditLog.record(
            .export, entityType: "registry", entityID: "", areaCode: area.value,
            summary: "命令行导出农户登记表 \(households) 户、\(people) 人（CSV）",
            actor: AuditLog.Actor(id: nil, name: "shouwang export"), at: app.clock.now(), on: app.db
        )
        context.console.print("\(households) households, \(people) people written to \(path)")
    }
}

/// `shouwang department-import --file PATH --kind medicalSelfPay --user NAME`: a department file received from the
/// command line as the named department account, with the same checks, matching and screening as an upload.
struct DepartmentImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "file", help: "department file (.csv or .xlsx) in the kind's template") var file: String?
        @Option(name: "kind", help: DepartmentEventKind.allCases.map(\.rawValue).joined(separator: ", ")) var kind:
            String?
        @Option(name: "user", help: "the department account the file comes from") var user: String?
    }

    var help: String { "Receives a department data file (same checks and matching as an upload)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let path = signature.file, let kind = signature.kind.flatMap(DepartmentEventKind.init(rawValue:)),
            let username = signature.user
        else {
            throw Abort(.badRequest, reason: "--file, --kind (a department data kind) and --user are required")
        }
        guard let account = try await User.query(on: app.db).filter(\.$username == username).first() else {
            throw Abort(.notFound, reason: "no account \(username)")
        }
        let user = try account.current(csrfToken: nil)
        guard DepartmentService.mayUpload(kind, user) else {
            throw Abort(.forbidden, reason: "\(username) may not send \(kind.rawValue) records")
        }
        let started = Date()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let receipt = try await DepartmentIngest.receive(
            data, fileName: (path as NSString).lastPathComponent, kind: kind, source: "command",
            user: user, actor: AuditLog.Actor(id: account.id, name: username), at: app.clock.now(),
            calendar: app.workingDayCalendar, on: app.db)
        let batch = receipt.batch
        let seconds = { (value: Double) in String(format: "%.2f", value) }
        context.console.print(
            "\(batch.status): \(batch.rowCount) rows, \(batch.matched) matched, \(batch.unmatched) unmatched, "
                + "\(batch.newEvents) new, \(batch.repeatedEvents) repeated; checked and stored in \(seconds(receipt.storing)) s "
                + "(\(Int(Double(batch.rowCount) / max(receipt.storing, 0.001))) rows/s), log written back in \(seconds(receipt.writeBack)) s, "
                + "touched households screened in \(seconds(receipt.screening)) s; "
                + "\(seconds(Date().timeIntervalSince(started))) s in all")
    }
}
