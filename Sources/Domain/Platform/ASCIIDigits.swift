/// Reads ASCII digits only, so that full-width digits, signs and spaces in user input are rejected rather than
/// silently converted, as `Int(_:)` would accept a sign.
enum ASCIIDigits {
    /// The number the digits spell; nil if any byte is not `0`–`9` or there are more than 18 of them.
    static func value(_ bytes: some Collection<UInt8>) -> Int? {
        guard bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
