/// Long digit strings in a CSV for Excel. Excel reads a CSV cell of digits as a number: an 18-digit identity number
/// shows as 5.12002E+17 and loses its last digits, a bank account or area code likewise, and a leading zero vanishes.
/// Written as `="512002…"` Excel shows the text unchanged (a formula whose result is that text; only digits, so nothing
/// can run), and the readers here turn such a cell back into the plain digits, so the file imports as it was.
public enum ExcelText {
    /// The cell as `="…"` when Excel would damage it as a number; nil for every other cell.
    public static func wrapped(_ cell: String) -> String? {
        let bytes = cell.utf8
        guard bytes.count >= 2 else { return nil }
        var digits = 0
        for (offset, byte) in bytes.enumerated() {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
            } else if offset == bytes.count - 1, byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x"),
                bytes.count == 18
            {
                continue
            } else {
                return nil
            }
        }
        let longNumber = bytes.count >= 12
        let leadingZero = bytes.first == UInt8(ascii: "0") && digits == bytes.count
        guard longNumber || leadingZero else { return nil }
        return "=\"" + cell + "\""
    }

    /// The plain text of a cell written by `wrapped(_:)`; any other cell unchanged.
    public static func unwrapped(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.count >= 5, bytes.first == UInt8(ascii: "="), cell.hasPrefix("=\""), cell.hasSuffix("\"") else {
            return cell
        }
        let inner = String(cell.dropFirst(2).dropLast())
        return wrapped(inner) == cell ? inner : cell
    }
}
