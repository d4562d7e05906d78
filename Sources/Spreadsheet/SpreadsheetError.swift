/// Why a spreadsheet could not be read or written, in Chinese for the person who sent or asked for the file.
///
/// The message says what went wrong and, where it can, where: "第 12 行：引号未闭合".
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
