@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Static files: served from their folders only")
struct PublicFilesTests {
    @Test("the stylesheet is served; a page's path never reaches the file system")
    func stylesheetAndPages() async throws {
        try await withDemoApp(households: 20) { app in
            // act
            try await app.testing().test(.GET, "css/app.css") { response in
                // check
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .css)
                #expect(response.body.string.contains("body"))
            }
            try await app.testing().test(.GET, "css/no-such.css") { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.GET, "login") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
            }
        }
    }

    @Test("a path that climbs out of the public folder is refused")
    func traversal() async throws {
        try await withDemoApp(households: 20) { app in
            for path in ["css/../../Package.swift", "css/%2E%2E/%2E%2E/Package.swift"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status != .ok, "\(path)")
                    #expect(!response.body.string.contains("PackageDescription"), "\(path)")
                }
            }
        }
    }
}
