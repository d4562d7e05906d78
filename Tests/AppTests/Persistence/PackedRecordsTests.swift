@testable import App
import Fluent
import Foundation
import SQLKit
import Testing

@Suite("Packed records")
struct PackedRecordsTests {
    @Test("any text, NULLs and numbers come back field by field exactly as stored")
    func roundTrip() async throws {
        try await withDemoApp(households: 1) { app in
            // setup: values that would break a separator-based packing
            let sql = try app.db.sql
            try await sql.raw("CREATE TEMPORARY TABLE packed_probe (position INTEGER, label TEXT, amount BIGINT)").run()
            let labels: [String?] = [
                "张三", "", nil, "a|b;c:d-e", "-5", "行一\n行二\t", "12:34", String(repeating: "长", count: 300),
            ]
            for (position, label) in labels.enumerated() {
                try await sql.raw(
                    "INSERT INTO packed_probe VALUES (\(bind: position), \(bind: label), \(bind: position % 2 == 0 ? Int64(-position * 1_000) : nil))"
                ).run()
            }
            // act
            let record = PackedRecords.record(["position", "label", "amount"], sql: sql)
            let packed = try #require(
                try await sql.raw(
                    """
                    SELECT \(PackedRecords.joined(record, sql: sql)) AS packed FROM (SELECT * FROM packed_probe ORDER BY position) ordered
                    """
                ).first(decoding: Packed.self)?.packed)
            // check
            var reader = PackedRecords.Reader(packed)
            var read: [(String?, String?, String?)] = []
            while !reader.isAtEnd { read.append((try reader.next(), try reader.next(), try reader.next())) }
            // (an aggregate's order is not promised: records are matched by their position field)
            #expect(read.count == labels.count)
            for row in read {
                let position = try #require(row.0.flatMap { Int($0) })
                #expect(row.1 == labels[position])
                #expect(row.2 == (position % 2 == 0 ? String(-position * 1_000) : nil))
            }
        }
    }

    private struct Packed: Decodable { let packed: String? }
}
