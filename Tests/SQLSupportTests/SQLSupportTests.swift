import Foundation
import SQLKit
import SQLiteKit
import SQLSupport
import Testing

/// Runs `test` on a fresh in-memory SQLite database. (The App tests run the same helpers on PostgreSQL too.)
private func withMemoryDatabase(_ test: (any SQLDatabase) async throws -> Void) async throws {
    let connection = try await SQLiteConnection.open(storage: .memory)
    do {
        try await test(connection.sql())
    } catch {
        try await connection.close()
        throw error
    }
    try await connection.close()
}

private struct Packed: Decodable { let packed: String? }
private struct Label: Decodable { let label: String }

@Suite("SQL support")
struct SQLSupportTests {
    @Test("the engine is read from the dialect")
    func engine() async throws {
        try await withMemoryDatabase { sql in
            #expect(sql.engine == .sqlite)
        }
    }

    @Test("any text, NULLs and numbers come back field by field exactly as stored")
    func packedRoundTrip() async throws {
        try await withMemoryDatabase { sql in
            // setup: values that would break a separator-based packing
            try await sql.raw("CREATE TABLE probe (position INTEGER, label TEXT, amount BIGINT)").run()
            let labels: [String?] = [
                "张三", "", nil, "a|b;c:d-e", "-5", "行一\n行二\t", "12:34", String(repeating: "长", count: 300),
            ]
            for (position, label) in labels.enumerated() {
                let amount: Int64? = position % 2 == 0 ? Int64(-position * 1_000) : nil
                try await sql.raw("INSERT INTO probe VALUES (\(bind: position), \(bind: label), \(bind: amount))").run()
            }
            // act
            let rows = try await PackedRecords.rows(["position", "label", "amount"], from: "probe", sql: sql)
            // check: an aggregate's order is not promised, so rows are matched by their position field
            #expect(rows.count == labels.count)
            for row in rows {
                let position = try #require(row[0].flatMap { Int($0) })
                #expect(row[1] == labels[position])
                #expect(row[2] == (position % 2 == 0 ? String(-position * 1_000) : nil))
            }
        }
    }

    @Test("values packed in Swift read back the same, and a text that is not a packing is refused, not half read")
    func swiftPacking() {
        let values: [String?] = ["张三", nil, "", "a|b:c-d", "-7", "行一\n行二"]
        #expect(PackedRecords.unpack(PackedRecords.pack(values)) == values)
        #expect(PackedRecords.unpack("3:ab") == nil)
        var truncated = PackedRecords.Reader("5:abc")
        #expect(throws: PackedRecords.Reader.Malformed.self) { try truncated.next() }
        var garbage = PackedRecords.Reader("x:abc")
        #expect(throws: PackedRecords.Reader.Malformed.self) { try garbage.next() }
    }

    @Test("a bound id list selects exactly the listed rows, for none, one and many ids")
    func boundIDList() async throws {
        try await withMemoryDatabase { sql in
            // setup
            try await sql.raw("CREATE TABLE items (id TEXT PRIMARY KEY, label TEXT NOT NULL)").run()
            let ids = (0..<2_500).map { _ in UUID() }
            for (index, id) in ids.enumerated() {
                try await sql.raw("INSERT INTO items VALUES (\(bind: id), \(bind: "item \(index)"))").run()
            }
            for wanted in [[], [ids[7]], Array(ids.prefix(2_000))] {
                // act
                let list = BoundIDList(wanted, sql: sql)
                let rows = try await sql.raw("SELECT label FROM items WHERE \(list.contains("id"))").all(
                    decoding: Label.self)
                // check
                #expect(
                    Set(rows.map(\.label))
                        == Set(wanted.compactMap { id in ids.firstIndex(of: id).map { "item \($0)" } }))
            }
        }
    }

    @Test("a row's nullable and non-null columns read as typed values")
    func columnReaders() async throws {
        try await withMemoryDatabase { sql in
            let row = try #require(try await sql.raw("SELECT 42 AS answer, NULL AS missing, 'x' AS text").first())
            #expect(try row.value("answer", as: Int.self) == 42)
            #expect(try row.optional("missing", as: Int.self) == nil)
            #expect(try row.optional("text", as: String.self) == "x")
        }
    }
}
