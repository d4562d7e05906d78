import Fluent
import Foundation
import SQLKit

/// The area tree's plain-SQL reads.
enum AreaStore {
    /// The areas with these codes, in no particular order; codes with no area are left out.
    static func areas(withCodes codes: [String], on database: any Database) async throws -> [Area] {
        try await database.plainRows(Area.self, "WHERE code IN (\(binds: codes))")
    }
}
