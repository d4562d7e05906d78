import Fluent
import Foundation

/// 区划 — one node of the administrative tree (province … township from the MCA code list) or of the
/// county's own subdivisions beneath (village, group, grid).
final class Area: Model, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    /// Digits-only hierarchical code: 12 digits down to village, 15 for groups and grids.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// `AreaLevel` raw value.
    @Field(key: "level") var level: String
    @OptionalField(key: "parent_code") var parentCode: String?
    /// The code system and edition the code belongs to, e.g. `mca-2025`, or `local` for codes the county assigns.
    @Field(key: "code_system") var codeSystem: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, level: String, parentCode: String?, codeSystem: String) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.codeSystem = codeSystem
    }
}
