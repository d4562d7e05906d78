import Domain
import Foundation
import Vapor

/// The official holidays and make-up working days (法定节假日与调休), read from every `Resources/calendar/*.csv` at start.
/// A new year's State Council notice is added as one more file; nothing in code changes.
enum CalendarStore {
    static func load(resourcesDirectory: String) throws -> WorkingDayCalendar {
        let directory = URL(fileURLWithPath: resourcesDirectory).appendingPathComponent("calendar")
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".csv") }
            .sorted() ?? []
        // One table from all files: the first file's header, every file's rows.
        var lines: [Substring] = []
        for (index, file) in files.enumerated() {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let fileLines = text.split(whereSeparator: \.isNewline)
            lines += index == 0 ? fileLines : Array(fileLines.dropFirst())
        }
        guard !lines.isEmpty else { return WorkingDayCalendar() }
        do {
            return try WorkingDayCalendar.parse(csv: lines.joined(separator: "\n"))
        } catch {
            throw Abort(.internalServerError, reason: "calendar files in \(directory.path): \(error.message)")
        }
    }
}

extension Application {
    private struct CalendarKey: StorageKey { typealias Value = WorkingDayCalendar }

    /// The working-day calendar deadlines are counted in.
    var workingDayCalendar: WorkingDayCalendar {
        get { storage[CalendarKey.self] ?? WorkingDayCalendar() }
        set { storage[CalendarKey.self] = newValue }
    }
}
