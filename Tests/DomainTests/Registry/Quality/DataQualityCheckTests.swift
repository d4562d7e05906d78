import Testing
import DemoData
import Domain

/// One change to a clean household and the rules it should fire, in the order findings come out.
struct DataQualityCase: Sendable, CustomTestStringConvertible {
    let name: String
    let fires: [DataQualityRule]
    let detail: String?
    let change: @Sendable (inout HouseholdSnapshot) -> Void

    init(
        _ name: String, fires: [DataQualityRule] = [], detail: String? = nil,
        _ change: @escaping @Sendable (inout HouseholdSnapshot) -> Void
    ) {
        self.name = name
        self.fires = fires
        self.detail = detail
        self.change = change
    }

    var testDescription: String { name }
}

@Suite("Data quality check")
struct DataQualityCheckTests {
    static let today = RegistryTestData.today

    /// A member born on `birth`, healthy, insured, with a valid identity number.
    static func member(
        _ name: String, _ relation: RelationToHead, born birth: String, sequence: Int = 11, school: SchoolStatus? = nil,
        labour: LabourCapacity = .ordinary, health: Set<HealthCondition> = [.healthy]
    ) -> MemberRecord {
        guard let identity = try? IdentityNumber.make(region: "512002", birth: day(birth), sequence: sequence) else {
            preconditionFailure("bad test identity")
        }
        return MemberRecord(
            name: name, identity: identity, relation: relation, ethnicity: "汉族", education: .juniorHigh,
            schoolStatus: school, health: health, labourCapacity: labour, medicalInsured: true, pensionInsured: true
        )
    }

    /// Head of 40 who works away, spouse of 38 at home, daughter of 10 in primary school.
    static func household(number: String = "5120021102010001") -> HouseholdSnapshot {
        var head = member("张建国", .head, born: "1986-03-05")
        head.workPlace = "广东省深圳市"
        head.workMonths = 10
        let members = [
            head,
            member("李秀英", .spouse, born: "1988-01-09", sequence: 22),
            member("张小雨", .daughter, born: "2016-01-01", sequence: 32, school: .primary, labour: .none),
        ]
        let fields = HouseholdFields(
            number: number, villageCode: area(RegistryTestData.village), type: .ordinary, address: "石龙村")
        return HouseholdSnapshot(fields: fields, recordedMemberCount: 3, members: members)
    }

    static let cases: [DataQualityCase] = [
        DataQualityCase("a clean household fires nothing") { _ in },
        DataQualityCase(
            "a wrong check character", fires: [.invalidIdentityNumber], detail: "身份证号 5120**********0010 无效：校验码应为"
        ) {
            $0.members[0].idNumber = "512002198603050010"
        },
        DataQualityCase("an unknown region", fires: [.invalidIdentityNumber], detail: "地区码 512099 不存在") {
            $0.members[0].idNumber = "512099198603050011"
        },
        DataQualityCase(
            "a number entered twice in one household", fires: [.duplicateIdentityNumber, .duplicateIdentityNumber],
            detail: "共登记2次（户编号：5120021102010001）"
        ) {
            $0.members[1].idNumber = $0.members[0].idNumber
        },
        DataQualityCase("no head", fires: [.headCount], detail: "本户没有户主，每户须有且只有一名户主") {
            $0.members[0].relation = .son
        },
        DataQualityCase("two heads", fires: [.headCount], detail: "本户有2名户主：张建国、李秀英") {
            $0.members[1].relation = .head
        },
        DataQualityCase("two spouses", fires: [.multipleSpouses], detail: "本户有2名配偶：李秀英、周芳，最多只能有一名") {
            $0.members.append(member("周芳", .spouse, born: "1990-02-02", sequence: 42))
            $0.recordedMemberCount = 4
        },
        DataQualityCase(
            "a school-age child without school status", fires: [.schoolStatusAge],
            detail: "10岁，处于义务教育年龄（6–15岁）但未填写在校状况，可能辍学"
        ) {
            $0.members[2].schoolStatus = nil
        },
        DataQualityCase("a 16-year-old who left school and works") {
            $0.members[2] = member("张小雨", .daughter, born: "2010-01-01", sequence: 32)
        },
        DataQualityCase(
            "an adult still in junior high", fires: [.schoolStatusAge], detail: "40岁，在校状况为“七至九年级”，该阶段应为10–24岁"
        ) {
            $0.members[0].schoolStatus = .juniorHigh
        },
        DataQualityCase("a university student of 20") {
            $0.members[2] = member("张小雨", .daughter, born: "2006-01-01", sequence: 32, school: .bachelor, labour: .none)
        },
        DataQualityCase("a 4-year-old at preschool") {
            $0.members[2] = member(
                "张小雨", .daughter, born: "2022-01-01", sequence: 32, school: .preschool, labour: .none)
        },
        DataQualityCase(
            "a healthy working-age adult with no labour", fires: [.labourCapacity],
            detail: "38岁、健康且不在校，劳动技能不应为“无劳动力”（N7 规则 5_12_008）"
        ) {
            $0.members[1].labourCapacity = .none
        },
        DataQualityCase("a healthy working-age adult with weak labour", fires: [.labourCapacity]) {
            $0.members[1].labourCapacity = .weakOrHalf
        },
        DataQualityCase("a chronically ill adult with weak labour") {
            $0.members[1].labourCapacity = .weakOrHalf
            $0.members[1].health = [.chronicIllness]
        },
        DataQualityCase("a healthy 65-year-old with no labour") {
            $0.members[1] = member("李秀英", .spouse, born: "1961-01-09", sequence: 22, labour: .none)
        },
        DataQualityCase("a child counted as labour", fires: [.labourCapacity], detail: "10岁，未满16周岁，劳动技能不应为“普通劳动力”") {
            $0.members[2].labourCapacity = .ordinary
        },
        DataQualityCase("work place without months", fires: [.workFieldsIncomplete], detail: "填写了务工地点“广东省深圳市”，但未填写务工月数")
        {
            $0.members[0].workMonths = nil
        },
        DataQualityCase("work months without place", fires: [.workFieldsIncomplete], detail: "填写了务工月数10个月，但未填写务工地点") {
            $0.members[0].workPlace = " "
        },
        DataQualityCase("neither work field") {
            $0.members[0].workPlace = nil
            $0.members[0].workMonths = nil
        },
        DataQualityCase("a member without medical insurance", fires: [.notMedicallyInsured], detail: "未参加基本医疗保险") {
            $0.members[1].medicalInsured = false
        },
        DataQualityCase(
            "a family size that differs from the list", fires: [.memberCountMismatch], detail: "家庭人口数登记为4人，成员名单为3人"
        ) {
            $0.recordedMemberCount = 4
        },
    ]

    @Test("each rule fires when broken and stays quiet otherwise", arguments: cases)
    func rule(_ testCase: DataQualityCase) {
        // setup
        var snapshot = Self.household()
        testCase.change(&snapshot)
        // act
        let findings = DataQualityCheck.findings(in: snapshot, today: Self.today)
        // check
        #expect(findings.map(\.rule) == testCase.fires, "\(findings.map(\.detail))")
        if let detail = testCase.detail {
            #expect(findings.contains { $0.detail.contains(detail) }, "\(findings.map(\.detail))")
        }
        for finding in findings {
            #expect((finding.memberName != nil) == finding.rule.isMemberRule)
        }
    }

    @Test("member findings name the member")
    func memberNamed() {
        var snapshot = Self.household()
        snapshot.members[1].medicalInsured = false
        #expect(DataQualityCheck.findings(in: snapshot, today: Self.today).map(\.memberName) == ["李秀英"])
    }

    @Test("duplicates are found across households in one pass")
    func duplicatesAcrossHouseholds() {
        // act
        let map = DataQualityCheck.duplicates(in: [
            (householdNumber: "A", idNumber: "1"), (householdNumber: "B", idNumber: "2"),
            (householdNumber: "C", idNumber: "1"), (householdNumber: "C", idNumber: "3"),
            (householdNumber: "C", idNumber: "3"),
        ])
        // check
        #expect(map == ["1": ["A", "C"], "3": ["C", "C"]])
    }

    @Test("a number in two households is reported in both, naming both")
    func registryPass() {
        // setup
        let first = Self.household(number: "5120021102010001")
        var second = Self.household(number: "5120021102010002")
        for index in second.members.indices where index > 0 {
            second.members[index].idNumber = Self.member("x", .son, born: "1999-01-01", sequence: 100 + index).idNumber
        }
        // act
        let findings = DataQualityCheck.findings(in: [first, second], today: Self.today)
        // check
        let masked = PersonalDataMask.identityNumber(first.members[0].idNumber)
        #expect(masked.hasPrefix("5120**********011"))
        let expected = "身份证号 \(masked) 共登记2次（户编号：5120021102010001、5120021102010002）"
        #expect(findings["5120021102010001"]?.map(\.detail) == [expected])
        #expect(findings["5120021102010002"]?.map(\.detail) == [expected])
        #expect(findings["5120021102010001"]?.first?.memberName == "张建国")
    }

    @Test("every rule has a distinct Chinese label")
    func labels() {
        let labels = DataQualityRule.allCases.map(\.label)
        #expect(Set(labels).count == labels.count)
        #expect(labels.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    }

    @Test("an imported household can be checked as it is")
    func fromDraft() {
        // setup
        var generator = RegistryFileGenerator(seed: 5)
        let drafts = generator.households(rows: 40)
        // act
        let snapshots = drafts.map(HouseholdSnapshot.init(draft:))
        let findings = DataQualityCheck.findings(in: snapshots, today: Self.today)
        // check: what the import already refuses can never be found afterwards
        let refused: Set<DataQualityRule> = [
            .invalidIdentityNumber, .duplicateIdentityNumber, .headCount, .multipleSpouses,
            .workFieldsIncomplete, .memberCountMismatch,
        ]
        #expect(findings.values.joined().allSatisfy { !refused.contains($0.rule) })
    }
}

@Suite("Data quality findings hold until a date changes them")
struct DataQualityValidityTests {
    static let today = RegistryTestData.today

    @Test("an age changes on the birthday, and on 1 March for 29 February in a common year")
    func ageChanges() throws {
        let leapBorn = try #require(CivilDate(year: 2016, month: 2, day: 29))
        #expect(
            DataQualityCheck.nextAgeChange(bornOn: leapBorn, after: try #require(CivilDate("2027-02-28")))
                == CivilDate("2027-03-01"))
        #expect(
            DataQualityCheck.nextAgeChange(bornOn: leapBorn, after: try #require(CivilDate("2027-03-01")))
                == CivilDate("2028-02-29"))
        let born = try #require(CivilDate("1986-03-05"))
        #expect(
            DataQualityCheck.nextAgeChange(bornOn: born, after: try #require(CivilDate("2026-03-04")))
                == CivilDate("2026-03-05"))
        #expect(
            DataQualityCheck.nextAgeChange(bornOn: born, after: try #require(CivilDate("2026-03-05")))
                == CivilDate("2027-03-05"))
    }

    @Test(
        "a household without members holds for good; one with a birth date in its identity number still ahead holds until the day before"
    )
    func futureBirth() throws {
        var snapshot = DataQualityCheckTests.household()
        let members = snapshot.members
        snapshot.members = []
        #expect(DataQualityCheck.holdsThrough(snapshot, today: Self.today) == .latest)
        snapshot.members = members
        let birth = Self.today.adding(days: 3)
        let identity = try IdentityNumber.make(region: "512002", birth: birth, sequence: 41)
        snapshot.members[0].idNumber = identity.value
        #expect(DataQualityCheck.holdsThrough(snapshot, today: Self.today) == Self.today.adding(days: 2))
    }

    /// Random households of every age, some with an identity number whose birth date is still to come: on each day
    /// through `holdsThrough` the findings are those of `today`, and the day after at least one age or number differs.
    @Test("findings are the same on every day the check says they hold", arguments: [UInt64(7), 11, 2026])
    func holdsOnGeneratedHouseholds(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for index in 0..<40 {
            var snapshot = DataQualityCheckTests.household(number: "51200211020100\(10 + index)")
            for position in snapshot.members.indices {
                let birth = Self.today.adding(days: -Int.random(in: 0...(80 * 365), using: &random))
                snapshot.members[position].birthDate = birth
                if Int.random(in: 0..<6, using: &random) == 0 {
                    let ahead = Self.today.adding(days: Int.random(in: 1...400, using: &random))
                    snapshot.members[position].idNumber = try IdentityNumber.make(
                        region: "512002", birth: ahead, sequence: 11 + position
                    ).value
                }
            }
            let holds = DataQualityCheck.holdsThrough(snapshot, today: Self.today)
            #expect(holds >= Self.today && holds < Self.today.adding(days: 367))
            let found = DataQualityCheck.findings(in: snapshot, today: Self.today).map(\.rule)
            var day = Self.today
            while day <= holds {
                #expect(
                    DataQualityCheck.findings(in: snapshot, today: day).map(\.rule) == found,
                    "\(snapshot.fields.number) on \(day)")
                #expect(DataQualityCheck.holdsThrough(snapshot, today: day) == holds)
                day = day.adding(days: 1)
            }
            let after = holds.adding(days: 1)
            let changed =
                snapshot.members.contains { $0.age(on: after) != $0.age(on: holds) }
                || snapshot.members.contains {
                    IdentityNumber.validate($0.idNumber, today: after).isSuccess
                        != IdentityNumber.validate($0.idNumber, today: holds).isSuccess
                }
            #expect(changed)
        }
    }
}

private extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
