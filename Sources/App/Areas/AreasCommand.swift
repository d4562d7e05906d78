import Domain
import Vapor

/// `shouwang areas load --prefix 51`: loads official divisions (province, city, county, township) from
/// `Resources/regions` for the code prefix given; rows already present are kept as they are.
struct AreasCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "load")
        var action: String
        @Option(name: "prefix", help: "code prefix to load, e.g. 51 for 四川省 or 512002 for 雁江区 (ancestors come along)")
        var prefix: String?
    }

    var help: String { "Loads administrative divisions into the area tree." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "load" else {
            throw Abort(.badRequest, reason: "unknown action \(signature.action); use: areas load --prefix 51")
        }
        let prefix = signature.prefix ?? ""
        guard prefix.count >= 2, prefix.allSatisfy(\.isASCIIDigit) else {
            throw Abort(.badRequest, reason: "--prefix must be at least the 2 digits of a province, e.g. 51")
        }
        let added = try await RegionCatalog.load(
            prefix: prefix, resourcesDirectory: context.application.directory.resourcesDirectory,
            on: context.application.db)
        context.console.print("Loaded \(added) areas for prefix \(prefix).")
    }
}
