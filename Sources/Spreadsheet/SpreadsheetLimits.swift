/// How much of a spreadsheet the reader will hold: a hostile file (one cell at column XFD on every row, a zip
/// that inflates a thousandfold) is refused with a message as soon as it crosses a limit, before it is allocated.
///
/// The defaults sit well above the largest real uploads: a province-sized registry file is about 50 columns and
/// 11 million cells, its sheet part under half the inflated limit.
public struct SpreadsheetLimits: Sendable, Equatable {
    /// Cells to the right of this many columns are refused when they hold a value (empty ones are ignored).
    public var columns: Int
    /// Cells held in all, counting the empty ones a row is padded with up to its last value.
    public var cells: Int
    /// Bytes of all the xlsx package's parts together once inflated.
    public var inflatedBytes: Int

    public init(columns: Int = 512, cells: Int = 16_000_000, inflatedBytes: Int = 768 * 1024 * 1024) {
        self.columns = columns
        self.cells = cells
        self.inflatedBytes = inflatedBytes
    }

    public static let standard = SpreadsheetLimits()
}
