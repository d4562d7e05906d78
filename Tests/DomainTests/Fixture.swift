import Domain
import Foundation

/// Reads files from the `Fixtures` folder beside this source file.
enum Fixture {
    static func text(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Data lines of a CSV file without quoted fields, split on commas, header dropped.
    static func csvRows(_ name: String) throws -> [[String]] {
        try text(name)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst()
            .filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}

func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(text) else {
        preconditionFailure("bad test date \(text)")
    }
    return date
}
