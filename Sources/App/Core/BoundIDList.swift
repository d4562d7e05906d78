import Foundation
import SQLKit

/// Ids bound as one value, for a condition over a list of any length in one statement. Written as a thousand
/// parameters per statement, ten thousand households named to a screening took ten statements per step, each bound
/// and planned anew with its ten thousand parameters, which cost more than the lookups themselves. Bound as one
/// text, the database seeks the listed rows from it as it did from the parameters: SQLite reads it as a JSON array
/// (`json_each`), PostgreSQL as an array literal cast to `uuid[]` (`= ANY`, an index condition as an IN list is).
struct BoundIDList: Sendable {
    private let text: String
    private let postgres: Bool

    init(_ ids: some Sequence<UUID>, sql: any SQLDatabase) {
        // Hyphenated upper-case text: how both drivers bind a UUID, so the listed values equal the stored ones.
        let texts = ids.map(\.uuidString)
        postgres = sql.dialect.name == "postgresql"
        text = postgres ? "{" + texts.joined(separator: ",") + "}" : "[" + texts.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// The condition that `column` holds one of the ids.
    func contains(_ column: SQLQueryString) -> SQLQueryString {
        postgres ? "\(column) = ANY(CAST(\(bind: text) AS uuid[]))" : "\(column) IN (SELECT value FROM json_each(\(bind: text)))"
    }
}
