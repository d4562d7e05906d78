import Fluent
import Foundation

/// A web session or an API token. Only the SHA-256 of the secret is stored, so a copy of the database
/// cannot be used to sign in.
final class AuthToken: Model, @unchecked Sendable {
    static let schema = "auth_tokens"

    enum Kind: String, Codable, Sendable {
        case webSession = "web"
        case apiToken = "api"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "token_hash") var tokenHash: String
    /// The anti-forgery token that every form of this web session must echo.
    @OptionalField(key: "csrf_token") var csrfToken: String?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, kind: Kind, tokenHash: String, csrfToken: String?, expiresAt: Date) {
        self.$user.id = userID
        self.kind = kind.rawValue
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
