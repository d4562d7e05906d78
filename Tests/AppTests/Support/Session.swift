@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

let demoPassword = "shouwang-demo"

/// A signed-in browser: its session cookie and the anti-forgery token its forms carry.
struct BrowserSession {
    let cookie: String
    let csrf: String

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(TokenAuthenticator.cookieName)=\(cookie)")
        return headers
    }

    /// Headers of a form POST sent by this site's own page.
    var formHeaders: HTTPHeaders {
        var headers = sameSiteForm()
        headers.add(name: .cookie, value: "\(TokenAuthenticator.cookieName)=\(cookie)")
        return headers
    }
}

/// The departments page's upload form.
struct DepartmentUploadForm: Content {
    var file: File
    var kind: String
    var _csrf: String
}

/// The headers a browser sends with a form posted from one of this site's pages.
func sameSiteForm(origin: String = "http://localhost:8080") -> HTTPHeaders {
    var headers = HTTPHeaders()
    headers.add(name: .origin, value: origin)
    headers.add(name: .host, value: "localhost:8080")
    return headers
}

extension Application {
    /// Signs in through the login form, as a browser would.
    func signIn(_ username: String, password: String = demoPassword) async throws -> BrowserSession {
        var cookie: String?
        try await testing().test(
            .POST, "login", headers: sameSiteForm(),
            beforeRequest: { request in
                try request.content.encode(["username": username, "password": password], as: .urlEncodedForm)
            },
            afterResponse: { response in
                #expect(response.status == .seeOther, "login as \(username) should redirect")
                cookie = response.headers.setCookie?[TokenAuthenticator.cookieName]?.string
            })
        let secret = try #require(cookie)
        let token = try #require(
            try await AuthToken.query(on: db).filter(\.$tokenHash == TokenDigest.hash(secret)).first())
        return BrowserSession(cookie: secret, csrf: try #require(token.csrfToken))
    }

    /// Posts the login form and returns what came back, for tests of failed and refused sign-ins.
    func attemptSignIn(_ username: String, password: String) async throws -> (status: HTTPStatus, body: String) {
        var result: (status: HTTPStatus, body: String) = (.ok, "")
        try await testing().test(
            .POST, "login", headers: sameSiteForm(),
            beforeRequest: { request in
                try request.content.encode(["username": username, "password": password], as: .urlEncodedForm)
            }, afterResponse: { response in result = (response.status, response.body.string) })
        return result
    }

    /// Gets an API token through `POST /api/v1/auth/token`.
    func apiToken(_ username: String, password: String = demoPassword) async throws -> String {
        var token: String?
        try await testing().test(
            .POST, "api/v1/auth/token",
            beforeRequest: { request in
                try request.content.encode(API.TokenRequest(username: username, password: password))
            },
            afterResponse: { response in
                #expect(response.status == .ok)
                token = try? response.content.decode(API.TokenResponse.self).token
            })
        return try #require(token)
    }

    /// Posts a form from one of the site's pages, with the session's anti-forgery token added.
    func postForm(
        _ path: String, as session: BrowserSession, _ form: [String: String],
        check: (TestingHTTPResponse) throws -> Void
    ) async throws {
        var body = form
        body[FormProtection.fieldName] = session.csrf
        try await testing().test(
            .POST, path, headers: session.formHeaders,
            beforeRequest: { request in
                try request.content.encode(body, as: .urlEncodedForm)
            }, afterResponse: { response in try check(response) })
    }

    func bearer(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        return headers
    }

    /// A household of the demo whose village lies in the given township, or outside it.
    func household(inTownship township: String, inside: Bool = true) async throws -> Household {
        let all = try await Household.query(on: db).sort(\.$householdNumber).all()
        return try #require(all.first { $0.villageCode.hasPrefix(String(township.prefix(9))) == inside })
    }

    /// Uploads a department file through the departments page, as that department's browser would.
    func uploadDepartmentFile(_ csv: String, kind: String, as session: BrowserSession) async throws -> DepartmentBatch {
        var location: String?
        try await testing().test(
            .POST, "departments/batches", headers: session.formHeaders,
            beforeRequest: { request in
                try request.content.encode(
                    DepartmentUploadForm(
                        file: File(data: ByteBuffer(string: csv), filename: "\(kind).csv"), kind: kind,
                        _csrf: session.csrf), as: .formData)
            },
            afterResponse: { response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
                location = response.headers.first(name: .location)
            })
        let id = try #require(location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
        return try #require(try await DepartmentBatch.find(id, on: db))
    }

    /// Takes a lead action through the lead page's form; answers the response status.
    func actOnLead(
        _ id: UUID, _ action: String, _ text: String, reference: String = "", as session: BrowserSession
    ) async throws -> HTTPStatus {
        var status = HTTPStatus.ok
        try await postForm(
            "leads/\(id)/actions", as: session, ["action": action, "text": text, "reference": reference]
        ) { status = $0.status }
        return status
    }

    func user(_ username: String) async throws -> User {
        try #require(try await User.query(on: db).filter(\.$username == username).first())
    }
}
