import Vapor

/// 数值参数: a whole number a client sends in a query or a form, with the range its use can take. Every such
/// number is read and checked here, so that the arithmetic done with it later (an offset plus a page size, a range
/// end) can never overflow and trap the process; a number outside the range is a 400 that names the parameter.
struct NumberInput: Sendable {
    let name: String
    let range: ClosedRange<Int>

    /// Paging offsets: well beyond a province's households, far below where `offset + limit` could overflow.
    static let offset = NumberInput(name: "offset", range: 0...100_000_000)

    static func limit(upTo maximum: Int) -> NumberInput { NumberInput(name: "limit", range: 1...maximum) }

    /// The number a text spells (ASCII digits, an optional minus), checked; nil when the text is absent or empty.
    func read(_ text: String?) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let value = Int(text)
        else { throw refusal }
        return try check(value)
    }

    /// A number already decoded (from a `Content` struct), checked; nil stays nil.
    @discardableResult
    func check(_ value: Int?) throws -> Int? {
        guard let value else { return nil }
        guard range.contains(value) else { throw refusal }
        return value
    }

    var refusal: AppError {
        AppError.numberOutOfRange(name: name, range: range)
    }
}

extension Request {
    /// A whole-number query parameter, range-checked (`NumberInput`); nil when it is absent or empty.
    func queryNumber(_ input: NumberInput) throws -> Int? {
        try input.read(try? query.get(String.self, at: input.name))
    }
}
