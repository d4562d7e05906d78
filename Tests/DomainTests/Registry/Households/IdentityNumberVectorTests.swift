import Testing
import Domain

@Suite("Identity number test vectors")
struct IdentityNumberVectorTests {
    @Test("every verdict in the shared vector file is reproduced, with the fault the reason names")
    func vectors() throws {
        // setup
        let rows = try Fixture.csvRows("id-vectors.csv")
        let today = day("2026-11-22")
        #expect(rows.count == 60)

        for row in rows {
            let (raw, valid, reason) = (row[0], row[1] == "true", row[2])

            // act
            let result = IdentityNumber.validate(raw, today: today)

            // check
            switch result {
            case .success(let number):
                #expect(valid, "accepted \(raw): \(reason)")
                #expect(number.value == raw)
            case .failure(let error):
                #expect(!valid, "rejected \(raw): \(error.message)")
                #expect(error.kind == Self.expectedKind(reason), "\(raw): \(reason) → \(error.message)")
            }
        }
    }

    private static func expectedKind(_ reason: String) -> String {
        let kinds = [
            ("bad checksum", "check"), ("bad date", "date"), ("future", "future"), ("unknown region", "region"),
            ("wrong length", "length"), ("empty", "length"), ("trailing space", "length"),
            ("non-", "character"), ("lower-case", "character"),
        ]
        return kinds.first { reason.hasPrefix($0.0) }?.1 ?? "valid"
    }
}

private extension IdentityNumberError {
    var kind: String {
        switch self {
        case .wrongLength: "length"
        case .invalidCharacter: "character"
        case .unknownRegion: "region"
        case .nonexistentBirthDate: "date"
        case .birthDateInFuture: "future"
        case .wrongCheckCharacter: "check"
        case .sequenceOutOfRange: "sequence"
        }
    }
}
