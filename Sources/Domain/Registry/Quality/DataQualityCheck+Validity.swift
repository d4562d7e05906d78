extension DataQualityCheck {
    /// Changes whenever a rule of the check changes what it finds: findings kept from an earlier revision are found
    /// again from the records.
    public static let revision = "2026-12-03"

    /// The last day a household's findings (the rules other than repeated identity numbers, which depend on other
    /// households) stay what they are on `today`: the day before any member's age changes (ages decide the school,
    /// labour and status rules), or an identity number's birth date stops lying in the future. Nothing else in the
    /// check reads the date.
    public static func holdsThrough(
        _ snapshot: HouseholdSnapshot, today: CivilDate,
        isKnownRegion: (String) -> Bool = RegionCodeTable.contains
    ) -> CivilDate {
        var changes = CivilDate.latest
        for member in snapshot.members {
            changes = min(changes, nextAgeChange(bornOn: member.birthDate, after: today))
            if case .failure(.birthDateInFuture(let birth, _)) = IdentityNumber.validate(
                member.idNumber, today: today,
                isKnownRegion: isKnownRegion)
            {
                changes = min(changes, birth)
            }
        }
        return changes == .latest ? changes : changes.adding(days: -1)
    }

    /// The first day after `today` on which `MemberRecord.age(on:)` gives a new age: the birthday, or 1 March in a
    /// year without the 29 February someone was born on.
    public static func nextAgeChange(bornOn birth: CivilDate, after today: CivilDate) -> CivilDate {
        func birthday(in year: Int) -> CivilDate {
            CivilDate(year: year, month: birth.month, day: birth.day) ?? CivilDate(year: year, month: 3, day: 1)
                ?? today
        }
        let thisYear = birthday(in: today.year)
        return thisYear > today ? thisYear : birthday(in: today.year + 1)
    }
}

extension CivilDate {
    /// A day after any the registry deals with: what “holds for good” is written as.
    public static let latest = CivilDate(year: 9999, month: 12, day: 31) ?? CivilDate(daysSinceEpoch: 2_932_896)
}
