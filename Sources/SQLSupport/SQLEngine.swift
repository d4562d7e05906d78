import SQLKit

/// The database engines Shouwang runs on. Where the two need different SQL, code asks `sql.engine`, never the
/// dialect's name as a string.
public enum SQLEngine: Sendable, Equatable {
    /// The embedded default: a file, one writer at a time.
    case sqlite
    /// The engine for larger deployments, with COPY, arrays and a read replica.
    case postgresql

    /// The engine behind `database`'s dialect; SQLite for any dialect that is not PostgreSQL's.
    public init(_ database: any SQLDatabase) {
        self = database.dialect.name == "postgresql" ? .postgresql : .sqlite
    }
}

extension SQLDatabase {
    /// The engine this database runs on.
    public var engine: SQLEngine { SQLEngine(self) }
}
