import Fluent
import Foundation
import Vapor

/// 用户 — a person who signs in, bound to one area (and a department where the role has one).
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// `Role` raw value.
    @Field(key: "role") var role: String
    @Field(key: "area_code") var areaCode: String
    /// `Department` raw value, for department users.
    @OptionalField(key: "department") var department: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: String,
        areaCode: String, department: String? = nil, phone: String? = nil
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.areaCode = areaCode
        self.department = department
        self.phone = phone
        self.isActive = true
        self.failedLogins = 0
    }
}
