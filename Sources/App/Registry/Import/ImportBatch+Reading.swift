import Domain
import Foundation

/// A batch as the import records it: what its file holds and would change, and the problems found (the first
/// `RegistryImportService.storedProblems` of them kept).
extension ImportBatch {
    convenience init(
        id: UUID, user: CurrentUser, fileName: String, sha256: String, storedPath: String,
        reading: RegistryImporter.Reading
    ) {
        self.init()
        self.id = id
        userID = user.id
        username = user.username
        areaCode = user.areaCode.value
        kind = "registry"
        self.fileName = String(fileName.prefix(200))
        fileSHA256 = sha256
        self.storedPath = storedPath
        encoding = reading.encoding
        record(reading)
        status = (reading.isValid ? Status.previewed : Status.refused).rawValue
    }

    func record(_ reading: RegistryImporter.Reading) {
        rowCount = reading.rowCount
        householdCount = reading.householdCount
        newHouseholds = reading.newHouseholds
        changedHouseholds = reading.changedHouseholds
        unchangedHouseholds = reading.unchangedHouseholds
        newMembers = reading.newMembers
        changedMembers = reading.changedMembers
        problemCount = reading.problems.count
        problemsJSON =
            (try? JSONEncoder().encode(Array(reading.problems.prefix(RegistryImportService.storedProblems))))
            .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        var notes = reading.notes
        if reading.unlistedMembers > 0 {
            notes.append("登记在册但文件中没有的成员 \(reading.unlistedMembers) 人：保持不变（成员迁出请在农户页面办理）。")
        }
        notesJSON = (try? JSONEncoder().encode(notes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    var problems: [ImportProblem] {
        (try? JSONDecoder().decode([ImportProblem].self, from: Data(problemsJSON.utf8))) ?? []
    }

    var notes: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(notesJSON.utf8))) ?? []
    }
}
