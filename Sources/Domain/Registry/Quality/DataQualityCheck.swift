/// 数据质量核查: runs the `DataQualityRule`s over household records (POLICY §10).
public enum DataQualityCheck {
    /// Findings for one household, household-level first, then each member in list order.
    /// `duplicates` comes from `duplicates(in:)` over the whole registry, since a number registered in two
    /// households cannot be seen from either alone; numbers repeated inside this household are found without it.
    public static func findings(
        in snapshot: HouseholdSnapshot, today: CivilDate, duplicates: [String: [String]] = [:],
        isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> [DataQualityFinding] {
        var findings = householdFindings(snapshot)
        var countsHere: [String: Int] = [:]
        for member in snapshot.members { countsHere[member.idNumber, default: 0] += 1 }
        for member in snapshot.members {
            let elsewhere = duplicates[member.idNumber] ?? []
            let times = max(elsewhere.count, countsHere[member.idNumber] ?? 0)
            let households = elsewhere.isEmpty ? [snapshot.fields.number] : elsewhere
            findings += memberFindings(
                member, today: today, duplicated: times > 1 ? (times, households) : nil, isKnownRegion: isKnownRegion
            )
        }
        return findings
    }

    /// Identity numbers that occur more than once, each with the household numbers it occurs in (in input
    /// order, a household repeated if the number is in it twice). One dictionary pass, for a whole county.
    public static func duplicates(in entries: [(householdNumber: String, idNumber: String)]) -> [String: [String]] {
        var households: [String: [String]] = [:]
        for entry in entries {
            households[entry.idNumber, default: []].append(entry.householdNumber)
        }
        return households.filter { $0.value.count > 1 }
    }

    /// Every household of a registry, with the cross-household duplicate pass done here; keyed by household number.
    public static func findings(
        in snapshots: [HouseholdSnapshot], today: CivilDate, isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> [String: [DataQualityFinding]] {
        let entries = snapshots.flatMap { snapshot in
            snapshot.members.map { (householdNumber: snapshot.fields.number, idNumber: $0.idNumber) }
        }
        let repeated = duplicates(in: entries)
        var result: [String: [DataQualityFinding]] = [:]
        for snapshot in snapshots {
            let found = findings(in: snapshot, today: today, duplicates: repeated, isKnownRegion: isKnownRegion)
            if !found.isEmpty { result[snapshot.fields.number, default: []] += found }
        }
        return result
    }

    private static func householdFindings(_ snapshot: HouseholdSnapshot) -> [DataQualityFinding] {
        var findings: [DataQualityFinding] = []
        let members = snapshot.members
        if snapshot.recordedMemberCount != members.count {
            findings.append(
                DataQualityFinding(
                    rule: .memberCountMismatch, memberName: nil,
                    detail: "家庭人口数登记为\(snapshot.recordedMemberCount)人，成员名单为\(members.count)人"
                ))
        }
        let heads = members.filter { $0.relation == .head }
        if heads.count != 1 {
            let detail = heads.isEmpty ? "本户没有户主" : "本户有\(heads.count)名户主：\(names(heads))"
            findings.append(DataQualityFinding(rule: .headCount, memberName: nil, detail: detail + "，每户须有且只有一名户主"))
        }
        let spouses = members.filter { $0.relation == .spouse }
        if spouses.count > 1 {
            findings.append(
                DataQualityFinding(
                    rule: .multipleSpouses, memberName: nil, detail: "本户有\(spouses.count)名配偶：\(names(spouses))，最多只能有一名"
                ))
        }
        return findings
    }

    private static func names(_ members: [MemberRecord]) -> String {
        members.map(\.name).joined(separator: "、")
    }
}
