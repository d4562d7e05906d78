import Fluent
import Foundation
import SQLKit
import Vapor

/// The session lookup behind `TokenAuthenticator`: a web session or an API token with the user it belongs to.
enum SessionStore {
    /// A stored token as the lookup reads it, with its user.
    struct Session {
        let user: User
        let tokenID: UUID
        let expiresAt: Date
        let createdAt: Date?
        let csrfToken: String?
    }

    /// The token of this kind whose digest is `tokenHash`, with its user; nil when there is none. Expiry and
    /// deactivation are the caller's to judge.
    static func session(tokenHash: String, kind: AuthToken.Kind, on database: any Database) async throws -> Session? {
        // One plain query for token and user: this runs on every request.
        guard
            let row = try await database.sql.raw(
                """
                SELECT auth_tokens.id AS token_id, auth_tokens.expires_at AS token_expires_at, auth_tokens.csrf_token AS token_csrf,
                       auth_tokens.created_at AS token_created_at,
                       \(unsafeRaw: User.selectList)
                FROM auth_tokens JOIN users ON users.id = auth_tokens.user_id
                WHERE auth_tokens.token_hash = \(bind: tokenHash) AND auth_tokens.kind = \(bind: kind.rawValue)
                LIMIT 1
                """
            ).first()
        else { return nil }
        return Session(
            user: try User.read(row),
            tokenID: try row.value("token_id", as: UUID.self),
            expiresAt: try row.value("token_expires_at", as: Date.self),
            createdAt: try row.optional("token_created_at"),
            csrfToken: try row.optional("token_csrf")
        )
    }
}
