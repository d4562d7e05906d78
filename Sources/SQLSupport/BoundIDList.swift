import Foundation
import SQLKit

/// Ids bound as one value, for a condition over a list of any length in one statement. Written as a thousand
/// parameters per statement, ten thousand households named to a screening took ten statements per step, each bound
/// and planned anew with its ten thousand parameters, which cost more than the lookups themselves. Bound as one
/// value, the database seeks the listed rows from it as it did from the parameters: SQLite reads a JSON array of the
/// ids' text (`json_each`), PostgreSQL a `uuid[]` (`= ANY`, an index condition as an IN list is). The array is bound
/// typed, not as text cast in the statement: such a cast is not folded into a constant, and a sequential scan would
/// parse the whole list again for every row.
public struct BoundIDList: Sendable {
    private enum Bound: Sendable {
        case jsonText(String)
        case uuidArray([UUID])
    }

    private let bound: Bound

    public init(_ ids: some Sequence<UUID>, sql: any SQLDatabase) {
        if sql.engine == .postgresql {
            bound = .uuidArray(Array(ids))
        } else {
            // Hyphenated upper-case text: how the SQLite driver binds a UUID, so the listed values equal the stored ones.
            bound = .jsonText("[" + ids.map { "\"\($0.uuidString)\"" }.joined(separator: ",") + "]")
        }
    }

    /// The condition that `column` holds one of the ids.
    public func contains(_ column: SQLQueryString) -> SQLQueryString {
        switch bound {
        case let .jsonText(text): "\(column) IN (SELECT value FROM json_each(\(bind: text)))"
        case let .uuidArray(ids): "\(column) = ANY(\(bind: ids))"
        }
    }
}
