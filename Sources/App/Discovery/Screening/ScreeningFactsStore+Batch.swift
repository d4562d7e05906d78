import Domain
import Fluent
import Foundation
import SQLKit

/// One batch of a screening's facts (`ScreeningFacts.batches`): the kept facts with the department records and the
/// students' identity numbers the rules read.
extension ScreeningFactsStore {
    private struct ChildRow: Decodable { let household_id: UUID; let id_number: String; let school_status: String? }

    /// One batch's facts: the kept facts, the department records of the kinds and the widest window in force for the households
    /// that have some, and students' identity numbers where an education record could count one of them twice.
    static func facts(
        of rows: [ScreeningFactsRow], withRecords selected: Set<UUID>?, lines: [String: Money], bounds: ScreeningBounds,
        on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [ScreeningFacts.Candidate] {
        var candidates: [ScreeningFacts.Candidate] = []
        var index: [UUID: Int] = [:]
        for row in rows {
            guard let facts = row.householdFacts(line: lines[row.village_code]) else { continue }
            index[row.household_id] = candidates.count
            candidates.append(
                ScreeningFacts.Candidate(id: row.household_id, villageCode: row.village_code, facts: facts))
        }
        let withRecords = selected.map { set in candidates.map(\.id).filter(set.contains) } ?? candidates.map(\.id)
        guard let opens = bounds.records.map(\.opensAfter).min(), !withRecords.isEmpty else { return candidates }
        var enrolled = Set<UUID>()
        // Packed: a batch holds tens of thousands of records, and reading them row by row through the driver took
        // longer than judging them.
        let fields: [SQLQueryString] = [
            "household_id", "kind", "id_number", "person_name", "event_date", "amount", "grade", "level", "note",
        ]
        // The kinds a rule in force reads (as the window is the widest in force): both engines then seek each listed
        // household under each kind in the index on kind then household. Events keep no index of their own on
        // household, as each index costs every received row a B-tree insert at a random place.
        let kinds = Set(bounds.records.map(\.kind.rawValue)).sorted()
        for values in try await PackedRecords.rows(
            fields,
            from: """
                department_events WHERE kind IN (\(binds: kinds)) AND \(BoundIDList(withRecords, sql: sql).contains("household_id"))
                AND event_date > \(bind: opens.description) AND event_date <= \(bind: date.description)
                """, sql: sql)
        {
            guard let household = values[0].flatMap({ Hex.uuid($0.utf8) }), let position = index[household],
                let kind = values[1].flatMap(DepartmentEventKind.init(rawValue:)),
                let eventDate = values[4].flatMap(CivilDate.init)
            else { continue }
            if kind == .enrolment { enrolled.insert(household) }
            candidates[position].facts.events.append(
                DepartmentEvent(
                    kind: kind, idNumber: values[2] ?? "", memberName: values[3] ?? "", eventDate: eventDate,
                    amount: values[5].flatMap { Int64($0) }.map { Money(fen: $0) }, grade: values[6], level: values[7],
                    note: values[8] ?? ""
                ))
        }
        guard !enrolled.isEmpty else { return candidates }
        // The households' children: an education record counts only for one of them, and once for a child the
        // registry already counts.
        let children = try await sql.raw(
            """
            SELECT household_id, id_number, school_status FROM \(ident: Member.schema) WHERE \(BoundIDList(enrolled, sql: sql).contains("household_id"))
            AND relation IN (\(binds: ScreeningFactsRow.children)) AND departed_on IS NULL
            """
        ).all(decoding: ChildRow.self)
        for position in enrolled.compactMap({ index[$0] }) { candidates[position].facts.childIDNumbers = [] }
        for row in children {
            guard let position = index[row.household_id] else { continue }
            candidates[position].facts.childIDNumbers?.insert(row.id_number)
            guard let stage = row.school_status.flatMap(SchoolStatus.init(rawValue:)) else { continue }
            if stage.isHigherEducation { candidates[position].facts.higherEducationIDNumbers.insert(row.id_number) }
            if stage.isBeyondCompulsory { candidates[position].facts.beyondCompulsoryIDNumbers.insert(row.id_number) }
        }
        return candidates
    }
}
