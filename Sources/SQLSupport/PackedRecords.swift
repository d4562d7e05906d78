import SQLKit

/// Many rows read back as one text, for reads of hundreds of thousands of rows where the driver's per-row cost
/// (about 10 µs here) would dominate: the database writes each field as `<bytes>:<text>` (or `-` for NULL) and joins
/// the records, and `Reader` walks the bytes once. Length prefixes make any content safe, separators and line
/// breaks included.
public enum PackedRecords {
    /// The SQL expression of one record: `fields` (SQL expressions of any type) written one after another.
    public static func record(_ fields: [SQLQueryString], sql: any SQLDatabase) -> SQLQueryString {
        let postgres = sql.engine == .postgresql
        return fields.map { field -> SQLQueryString in
            postgres
                ? "COALESCE(octet_length(CAST(\(field) AS TEXT)) || ':' || CAST(\(field) AS TEXT), '-')"
                : "COALESCE(length(CAST(CAST(\(field) AS TEXT) AS BLOB)) || ':' || CAST(\(field) AS TEXT), '-')"
        }.joined(separator: " || ")
    }

    /// The aggregate that joins records with nothing between them.
    public static func joined(_ record: SQLQueryString, sql: any SQLDatabase) -> SQLQueryString {
        sql.engine == .postgresql ? "string_agg(\(record), '')" : "group_concat(\(record), '')"
    }

    /// The same packing made in Swift, for values written to a staging table and read back there.
    public static func pack(_ values: [String?]) -> String {
        var text = ""
        for value in values {
            if let value { text += "\(value.utf8.count):" + value } else { text += "-" }
        }
        return text
    }

    /// Every field of a packed text; nil when it is not a well-formed packing.
    public static func unpack(_ text: String) -> [String?]? {
        var reader = Reader(text)
        var values: [String?] = []
        do {
            while !reader.isAtEnd { values.append(try reader.next()) }
        } catch {
            return nil
        }
        return values
    }

    /// `SELECT <fields, packed> FROM <rest>`: every record's fields, in the order the database aggregated them.
    public static func rows(
        _ fields: [SQLQueryString], from rest: SQLQueryString, sql: any SQLDatabase
    ) async throws -> [[String?]] {
        let query: SQLQueryString = "SELECT \(joined(record(fields, sql: sql), sql: sql)) AS packed FROM "
        guard let packed = try await sql.raw(query + rest).first(decoding: Packed.self)?.packed else { return [] }
        var reader = Reader(packed)
        var rows: [[String?]] = []
        while !reader.isAtEnd { rows.append(try fields.map { _ in try reader.next() }) }
        return rows
    }

    private struct Packed: Decodable { let packed: String? }

    /// Walks a packed text field by field.
    public struct Reader {
        private let bytes: [UInt8]
        private var position = 0

        public init(_ text: String) { bytes = Array(text.utf8) }

        public var isAtEnd: Bool { position >= bytes.count }

        /// The next field; nil for SQL NULL. Throws when the text is not a well-formed packing.
        public mutating func next() throws -> String? {
            guard position < bytes.count else { throw Malformed() }
            if bytes[position] == UInt8(ascii: "-") { position += 1; return nil }
            var length = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: ":") {
                let digit = Int(bytes[position]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), length < 100_000_000 else { throw Malformed() }
                length = length * 10 + digit
                position += 1
            }
            let start = position + 1
            guard start + length <= bytes.count else { throw Malformed() }
            position = start + length
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        public struct Malformed: Error, CustomStringConvertible {
            public var description: String { "packed records unreadable" }
        }
    }
}
