import Fluent
import Foundation

/// 导入批次 — one uploaded file: what it would change (the preview), its problems, and whether it was committed.
/// The file itself is kept, so the commit applies exactly what was previewed.
final class ImportBatch: Model, @unchecked Sendable {
    static let schema = "import_batches"

    enum Status: String {
        /// Checked, no problems, waiting for the user to commit.
        case previewed
        /// Checked and refused: at least one problem; nothing was changed.
        case refused
        /// Applied.
        case committed
    }

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    /// The uploader's area: who else may see the batch.
    @Field(key: "area_code") var areaCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "file_sha256") var fileSHA256: String
    @Field(key: "stored_path") var storedPath: String
    @OptionalField(key: "encoding") var encoding: String?
    @Field(key: "status") var status: String
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "household_count") var householdCount: Int
    @Field(key: "new_households") var newHouseholds: Int
    @Field(key: "changed_households") var changedHouseholds: Int
    @Field(key: "unchanged_households") var unchangedHouseholds: Int
    @Field(key: "new_members") var newMembers: Int
    @Field(key: "changed_members") var changedMembers: Int
    @Field(key: "problem_count") var problemCount: Int
    /// The first problems, as JSON `[ImportProblem]`; the full report is rebuilt from the stored file on demand.
    @Field(key: "problems_json") var problemsJSON: String
    @Field(key: "notes_json") var notesJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "committed_at") var committedAt: Date?

    init() {}
}
