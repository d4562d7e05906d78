import Foundation
import SQLKit

/// Ids as one bound value, for `column IN (…)` over a list of any length in one statement. Written as a thousand
/// parameters per statement, ten thousand households named to a screening took ten statements per step, each
/// bound and planned anew with its ten thousand parameters, which cost more than the lookups themselves. Bound as
/// one text, the database reads the list back as a set and seeks the listed rows from it as it did from the
/// parameters: SQLite through `json_each` over a JSON array, PostgreSQL by casting an array literal to `uuid[]`.
enum BoundIDList {
    /// A subquery returning `ids`, one row each, to write as `column IN (<this>)`.
    static func select(_ ids: some Sequence<UUID>, sql: any SQLDatabase) -> SQLQueryString {
        // Hyphenated upper-case text: how both drivers bind a UUID, so the listed values equal the stored ones.
        let texts = ids.map(\.uuidString)
        if sql.dialect.name == "postgresql" {
            return "SELECT unnest(CAST(\(bind: "{" + texts.joined(separator: ",") + "}") AS uuid[]))"
        }
        return "SELECT value FROM json_each(\(bind: "[" + texts.map { "\"\($0)\"" }.joined(separator: ",") + "]"))"
    }
}
