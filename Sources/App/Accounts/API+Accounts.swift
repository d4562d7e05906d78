import Domain
import Fluent
import Vapor

/// `POST /api/v1/auth/token` and `GET /api/v1/me`.
struct AuthAPIController {
    func token(_ request: Request) async throws -> API.TokenResponse {
        let body = try request.content.decode(API.TokenRequest.self)
        switch try await SignIn.verify(username: body.username, password: body.password, on: request) {
        case let .failure(failure):
            throw Abort(
                failure == .wrongCredentials ? .unauthorized : .tooManyRequests, reason: SignIn.message(for: failure))
        case let .success(user):
            let (secret, token) = try await SignIn.issue(.apiToken, for: user, on: request)
            return API.TokenResponse(
                token: secret, expiresAt: token.expiresAt, user: .init(try user.current(csrfToken: nil)))
        }
    }

    func me(_ request: Request) async throws -> API.Me {
        .init(try request.requireUser())
    }
}

extension API.Me {
    init(_ user: CurrentUser) {
        self.init(
            id: user.id, username: user.username, displayName: user.displayName, role: user.role.rawValue,
            roleLabel: user.role.label, areaCode: user.areaCode.value, department: user.department?.rawValue
        )
    }
}
