import Vapor

/// Serves `Public/` — but asks the file system only for paths under its own folders (`/css/…`).
///
/// Vapor's `FileMiddleware` looks every request's path up on disk, on the file system's thread pool, before any
/// route answers: a stat and two thread hand-offs for each page. Here the folders are listed once at start-up and
/// every other path goes straight to the routes.
struct PublicFiles: AsyncMiddleware {
    private let files: FileMiddleware
    /// The top-level entries of the public directory, each as a path prefix (`/css/`, `/favicon.ico`).
    private let prefixes: [String]

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? []
        prefixes = entries.filter { !$0.hasPrefix(".") }.map { entry in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: publicDirectory + entry, isDirectory: &isDirectory)
            return "/" + entry + (isDirectory.boolValue ? "/" : "")
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard prefixes.contains(where: { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }) else {
            return try await next.respond(to: request)
        }
        return try await files.respond(to: request, chainingTo: next)
    }
}
