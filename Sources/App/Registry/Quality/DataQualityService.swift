import Domain
import Fluent
import Vapor

/// 数据质量核查: the registry checks of POLICY §10 over the households of an area, by rule. The counts come from the
/// findings kept current (`DataQualityStore`) and the identity numbers repeated in the area (found live); the
/// findings listed are those the check makes now on the households that have one, so the page says what the check
/// says, in household number order.
enum DataQualityService {
    struct Finding {
        let householdID: UUID
        let householdNumber: String
        let headName: String
        let finding: DataQualityFinding
    }

    /// What the page and the API show: findings counted by rule over the whole scope, and the first findings of the
    /// rule asked for (of every rule when none is), in household number order.
    struct Report {
        var counts: [DataQualityRule: Int] = [:]
        var findings: [Finding] = []
        /// How many findings the rule asked for has in all (every finding when none is).
        var total = 0
    }

    /// Households checked per step, with their members.
    static let householdsPerBatch = 2_000

    /// The area a user's report covers: their own, or the sub-area they asked for (`area`, an area code), which must
    /// lie inside it.
    static func reportScope(for user: CurrentUser, area: String?) throws -> AccessScope {
        try user.require(.readDataQuality)
        guard let area, !area.isEmpty else { return user.scope }
        guard let code = AreaCode(area), user.scope.includes(code) else { throw AppError.areaNotFound }
        return user.scope.narrowed(to: code)
    }

    /// The findings of `scope`, brought current for `today` first; `database` is the primary, which the kept
    /// findings are written to.
    static func report(
        in scope: AccessScope, rule: DataQualityRule?, keeping limit: Int, today: CivilDate,
        batchSize: Int = householdsPerBatch, on database: any Database
    ) async throws -> Report {
        try await DataQualityStore.bringCurrent(today: today, batchSize: batchSize, on: database)
        let repeated = try await DataQualityStore.repeatedIdentityNumbers(in: scope, on: database)
        var report = Report()
        report.counts = try await DataQualityStore.findingCounts(in: scope, on: database)
        // The households a repeated number is in, checked with the area's repeats: how many findings the rule makes.
        let repeatedHouseholds = try await DataQualityStore.households(
            numbered: Set(repeated.values.joined()), in: scope, on: database)
        var repeats = 0
        for batch in repeatedHouseholds.chunked(into: batchSize) {
            repeats += try await findings(of: batch, duplicates: repeated, today: today, on: database)
                .filter { $0.finding.rule == .duplicateIdentityNumber }.count
        }
        if repeats > 0 { report.counts[.duplicateIdentityNumber] = repeats }
        report.total = rule.map { report.counts[$0] ?? 0 } ?? report.counts.values.reduce(0, +)
        guard limit > 0, report.total > 0 else { return report }

        // Households with a finding of the rule, a page at a time in household number order, the repeats' households
        // merged in where they fall.
        var pending = rule == nil || rule == .duplicateIdentityNumber ? repeatedHouseholds : []
        var after: String?
        while report.findings.count < limit {
            let page = try await DataQualityStore.householdIDsWithFindings(
                in: scope, rule: rule, after: after, limit: batchSize,
                on: database)
            var households = try await DataQualityStore.households(withIDs: page, on: database)
            let complete = page.count < batchSize
            let end = complete ? nil : households.map(\.householdNumber).max()
            let merged = pending.prefix { end == nil || $0.householdNumber <= end! }
            pending.removeFirst(merged.count)
            let listed = Set(households.compactMap(\.id))
            households += merged.filter { $0.id.map { !listed.contains($0) } ?? false }
            households.sort { $0.householdNumber < $1.householdNumber }
            for found in try await findings(of: households, duplicates: repeated, today: today, on: database)
            where rule == nil || found.finding.rule == rule {
                guard report.findings.count < limit else { break }
                report.findings.append(found)
            }
            guard !complete, let end else { break }
            after = end
        }
        return report
    }

    /// The check's findings of `households` now, in their order.
    private static func findings(
        of households: [Household], duplicates: [String: [String]], today: CivilDate,
        on database: any Database
    ) async throws -> [Finding] {
        let members = try await MemberRow.present(inHouseholds: households.compactMap(\.id), on: database)
        var result: [Finding] = []
        for household in households {
            guard let id = household.id, let snapshot = snapshot(of: household, members: members[id] ?? []) else {
                continue
            }
            for finding in DataQualityCheck.findings(in: snapshot, today: today, duplicates: duplicates) {
                result.append(
                    Finding(
                        householdID: id, householdNumber: household.householdNumber, headName: household.headName,
                        finding: finding))
            }
        }
        return result
    }

    /// A household as the check reads it, with its present members eldest first (then by identity number), so that
    /// its findings come in one order whatever order the database returns them in.
    static func snapshot(of household: Household, members: [MemberRow]) -> HouseholdSnapshot? {
        guard let fields = household.registryFields else { return nil }
        return HouseholdSnapshot(
            fields: fields, recordedMemberCount: household.memberCount,
            members: members.compactMap(\.record)
                .sorted { ($0.birthDate, $0.idNumber) < ($1.birthDate, $1.idNumber) })
    }
}
