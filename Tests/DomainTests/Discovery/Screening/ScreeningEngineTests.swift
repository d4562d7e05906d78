import Testing
import Domain

@Suite("Screening engine")
struct ScreeningEngineTests {
    typealias Data = ScreeningTestData

    static let cases: [ScreeningCase] = [
        ScreeningCase("quiet household", Data.quiet()),
        // Income below the line: strictly below.
        ScreeningCase(
            "income exactly at the line",
            Data.quiet { $0.perCapitaIncome = [2023: Data.yuan("8000"), 2024: Data.yuan("7600")] }),
        ScreeningCase(
            "income one fen under the line",
            Data.quiet {
                $0.perCapitaIncome = [2023: Data.yuan("8000"), 2024: Data.yuan("7599.99")]
            }, .incomeBelowLine),
        ScreeningCase(
            "low income in the current year is not judged", Data.quiet { $0.perCapitaIncome[2025] = Data.yuan("100") }),
        ScreeningCase(
            "no line for the area",
            Data.quiet {
                $0.perCapitaIncome = [2023: Data.yuan("5100"), 2024: Data.yuan("5000")]
                $0.monitoringLine = nil
            }),
        // Sharp drop: 30 % or more.
        ScreeningCase(
            "a fall of exactly 30 %",
            Data.quiet {
                $0.perCapitaIncome = [2023: Data.yuan("20000"), 2024: Data.yuan("14000")]
            }, .sharpIncomeDrop),
        ScreeningCase(
            "a fall one fen short of 30 %",
            Data.quiet { $0.perCapitaIncome = [2023: Data.yuan("20000"), 2024: Data.yuan("14000.01")] }),
        ScreeningCase("no income the year before", Data.quiet { $0.perCapitaIncome = [2024: Data.yuan("9000")] }),
        // Rigid spending above last year's net income: strictly above.
        ScreeningCase(
            "spending equal to last year's income", Data.quiet { $0.rigidSpending = [2024: Data.yuan("48000")] }),
        ScreeningCase(
            "spending one fen above last year's income",
            Data.quiet {
                $0.rigidSpending = [2024: Data.yuan("48000.01")]
            }, .rigidSpendingAboveIncome),
        // Hospital self-pay per person over 12 months: "5万元以上" includes 50,000.
        ScreeningCase(
            "self-pay exactly at 50,000",
            Data.with(
                Data.event(.medicalSelfPay, "2024-07-01", amount: "30000"),
                Data.event(.medicalSelfPay, "2025-06-30", amount: "20000")
            ), .hospitalSelfPay),
        ScreeningCase(
            "self-pay one fen under 50,000",
            Data.with(
                Data.event(.medicalSelfPay, "2024-07-01", amount: "30000"),
                Data.event(.medicalSelfPay, "2025-06-30", amount: "19999.99")
            )),
        ScreeningCase(
            "two members under 50,000 each",
            Data.with(
                Data.event(.medicalSelfPay, "2025-01-01", amount: "30000"),
                Data.event(.medicalSelfPay, "2025-02-01", id: Data.spouse, name: "李秀英", amount: "30000")
            )),
        ScreeningCase(
            "self-pay before the window and after the day",
            Data.with(
                Data.event(.medicalSelfPay, "2024-06-30", amount: "40000"),
                Data.event(.medicalSelfPay, "2025-01-01", amount: "20000"),
                Data.event(.medicalSelfPay, "2025-07-01", amount: "40000")
            )),
        // New records within 12 months.
        ScreeningCase(
            "serious illness diagnosed in the window", Data.with(Data.event(.seriousIllness, "2024-07-01")),
            .newSeriousIllness),
        ScreeningCase(
            "serious illness diagnosed a day before the window", Data.with(Data.event(.seriousIllness, "2024-06-30"))),
        ScreeningCase("new 低保", Data.with(Data.event(.minimumLiving, "2025-03-02")), .newMinimumLiving),
        ScreeningCase("new 特困", Data.with(Data.event(.extremePoverty, "2025-03-02")), .newExtremePoverty),
        ScreeningCase("job loss", Data.with(Data.event(.unemployment, "2025-05-20")), .jobLoss),
        ScreeningCase(
            "temporary assistance and comparison records raise nothing",
            Data.with(
                Data.event(.temporaryAssistance, "2025-05-20", amount: "90000"),
                Data.event(.propertyRecord, "2025-05-20"),
                Data.event(.vehicle, "2025-05-20"), Data.event(.publicPayroll, "2025-05-20")
            )),
        // Severe disability: grades 1 and 2.
        ScreeningCase(
            "disability grade 2", Data.with(Data.event(.disability, "2025-01-10", grade: "2")), .newSevereDisability),
        ScreeningCase(
            "disability grade 1", Data.with(Data.event(.disability, "2025-01-10", grade: "1")), .newSevereDisability),
        ScreeningCase("disability grade 3", Data.with(Data.event(.disability, "2025-01-10", grade: "3"))),
        ScreeningCase(
            "disability grade 1 before the window", Data.with(Data.event(.disability, "2024-06-30", grade: "1"))),
        ScreeningCase(
            "grade 2 set in the registry in the window",
            Data.quiet {
                $0.registryDisability = GradeChange(grade: 2, on: Data.day("2025-03-01"))
            }, .newSevereDisability),
        ScreeningCase(
            "grade 3 set in the registry",
            Data.quiet { $0.registryDisability = GradeChange(grade: 3, on: Data.day("2025-03-01")) }),
        ScreeningCase(
            "grade 1 set in the registry before the window",
            Data.quiet {
                $0.registryDisability = GradeChange(grade: 1, on: Data.day("2024-06-30"))
            }),
        // Higher education: two or more.
        ScreeningCase("one member in higher education", Data.quiet { $0.membersInHigherEducation = 1 }),
        ScreeningCase(
            "two members in higher education", Data.quiet { $0.membersInHigherEducation = 2 },
            .multipleInHigherEducation),
        ScreeningCase(
            "one in the registry and another reported by education",
            Data.quiet {
                $0.membersInHigherEducation = 1
                $0.higherEducationIDNumbers = [Data.son]
                $0.childrenBeyondCompulsory = 1
                $0.beyondCompulsoryIDNumbers = [Data.son]
                $0.events = [Data.event(.enrolment, "2024-09-01", id: Data.daughter, name: "张小雨", level: .bachelor)]
            }, .multipleInHigherEducation, .childInNonCompulsorySchooling),
        ScreeningCase(
            "the same student in the registry and in the education record",
            Data.quiet {
                $0.membersInHigherEducation = 1
                $0.higherEducationIDNumbers = [Data.son]
                $0.childrenBeyondCompulsory = 1
                $0.beyondCompulsoryIDNumbers = [Data.son]
                $0.events = [Data.event(.enrolment, "2024-09-01", id: Data.son, name: "张小军", level: .higherVocational)]
            }, .childInNonCompulsorySchooling),
        ScreeningCase(
            "a senior-high pupil does not count towards higher education",
            Data.quiet {
                $0.membersInHigherEducation = 1
                $0.childrenBeyondCompulsory = 1
                $0.beyondCompulsoryIDNumbers = [Data.son]
                $0.events = [Data.event(.enrolment, "2024-09-01", id: Data.daughter, name: "张小雨", level: .seniorHigh)]
            }, .childInNonCompulsorySchooling),
        ScreeningCase(
            "an enrolled member who is not a child does not count",
            Data.quiet {
                $0.membersInHigherEducation = 1
                $0.higherEducationIDNumbers = [Data.son]
                $0.childIDNumbers = [Data.son, Data.daughter]
                $0.events = [Data.event(.enrolment, "2024-09-01", id: Data.spouse, name: "李秀英", level: .bachelor)]
            }),
        // Non-compulsory schooling: one child at senior high or later; pre-school and compulsory stages do not count.
        ScreeningCase(
            "a child at secondary vocational school reported by education",
            Data.with(
                Data.event(.enrolment, "2024-09-01", id: Data.daughter, name: "张小雨", level: .secondaryVocational)
            ), .childInNonCompulsorySchooling),
        ScreeningCase(
            "a child in grade 8",
            Data.with(Data.event(.enrolment, "2024-09-01", id: Data.daughter, name: "张小雨", level: .juniorHigh))),
        // 失能失智 elderly: 60 and over.
        ScreeningCase(
            "a frail member turned 60 on the day", Data.quiet { $0.frailMemberBirthDate = Data.day("1965-06-30") },
            .frailElderly),
        ScreeningCase(
            "a frail member turns 60 tomorrow", Data.quiet { $0.frailMemberBirthDate = Data.day("1965-07-01") }),
        // The main labourer lost: at most one capable member left.
        ScreeningCase(
            "the only labourer lost in the window",
            Data.quiet {
                $0.labourerLostOn = Data.day("2025-02-01")
                $0.labourers = 1
            }, .mainLabourerLoss),
        ScreeningCase(
            "a labourer lost with two left",
            Data.quiet {
                $0.labourerLostOn = Data.day("2025-02-01")
                $0.labourers = 2
            }),
        ScreeningCase(
            "a labourer lost before the window",
            Data.quiet {
                $0.labourerLostOn = Data.day("2024-06-30")
                $0.labourers = 0
            }),
        // Housing C/D.
        ScreeningCase("C-grade house in the registry", Data.quiet { $0.housingGrade = .c }, .unsafeHousing),
        ScreeningCase("unrated house", Data.quiet { $0.housingGrade = nil }),
        ScreeningCase(
            "D rating from the housing department", Data.with(Data.event(.housingRating, "2025-04-01", grade: "D")),
            .unsafeHousing),
        ScreeningCase(
            "B rating from the housing department", Data.with(Data.event(.housingRating, "2025-04-01", grade: "B"))),
        // Disaster damage of 10,000 or more per household.
        ScreeningCase(
            "damage one fen under 10,000", Data.with(Data.event(.disasterDamage, "2025-06-01", amount: "9999.99"))),
        ScreeningCase(
            "damage exactly 10,000 across two members",
            Data.with(
                Data.event(.disasterDamage, "2025-06-01", amount: "6000"),
                Data.event(.disasterDamage, "2025-06-02", id: Data.spouse, name: "李秀英", amount: "4000")
            ), .disasterDamage),
        // Water.
        ScreeningCase("water not secured", Data.quiet { $0.waterSecured = false }, .unsafeWater),
        ScreeningCase("water not assessed", Data.quiet { $0.waterSecured = nil }),
        ScreeningCase(
            "water record from the water department", Data.with(Data.event(.waterUnsafe, "2025-06-30")), .unsafeWater),
    ]

    @Test("each seeded rule fires exactly where it should", arguments: cases)
    func seededRules(_ example: ScreeningCase) {
        // act
        let hits = ScreeningEngine.evaluate(example.facts, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
        // check
        #expect(hits.map(\.kind) == example.fires)
        #expect(
            hits.allSatisfy {
                $0.version == 1
                    && ($0.riskType == $0.kind.riskType
                        || [.rigidSpendingAboveIncome, .incomeBelowLine, .sharpIncomeDrop].contains($0.kind))
            })
    }

    @Test("every built-in rule is covered by a firing case")
    func coverage() {
        let covered = Set(Self.cases.flatMap(\.fires))
        #expect(covered == Set(ScreeningRuleKind.allCases))
    }

    @Test("a hit says in plain Chinese what fired, with the values and the member")
    func messages() {
        // setup
        let facts = Data.quiet {
            $0.perCapitaIncome = [2023: Data.yuan("6000"), 2024: Data.yuan("5210")]
            $0.events = [Data.event(.medicalSelfPay, "2025-03-02", amount: "56320")]
        }
        // act
        let hits = ScreeningEngine.evaluate(facts, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
        // check
        #expect(hits.map(\.message) == ["人均纯收入 5,210 元，低于监测线 7,600 元", "住院自付 56,320 元，达到 50,000 元以上"])
        #expect(hits[0].values == ["年度": "2024", "人均纯收入": "5,210.00", "监测线": "7,600.00"])
        #expect(hits[0].memberName == nil)
        #expect(hits[1].values == ["自付金额": "56,320.00", "阈值": "50,000.00", "记录数": "1"])
        #expect(hits[1].memberName == "张建国" && hits[1].idNumber == Data.head && hits[1].riskType == .illness)
    }

    @Test("a lead names the cause the policy list allows: housing, water, schooling and the largest spending item")
    func riskTypes() {
        // setup
        let facts = Data.quiet {
            $0.housingGrade = .d
            $0.waterSecured = false
            $0.rigidSpending = [2024: Data.yuan("60000")]
            $0.largestRigidItem = .schooling
        }
        // act
        let hits = ScreeningEngine.evaluate(facts, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
        // check
        #expect(hits.map(\.riskType) == [.education, .housingSafety, .drinkingWater])
        #expect(
            ScreeningRuleKind.allCases.filter { $0.riskType == .other } == [
                .incomeBelowLine, .sharpIncomeDrop, .rigidSpendingAboveIncome, .newMinimumLiving,
            ])
    }

    @Test(
        "low or falling income in a household where no one can work is a lack of labour; with a labourer its cause is left to the home check"
    )
    func incomeCause() {
        for labourers in [0, 1, 3] {
            // setup
            let low = Data.quiet {
                $0.perCapitaIncome = [2023: Data.yuan("8000"), 2024: Data.yuan("5000")]; $0.labourers = labourers
            }
            // act
            let hits = ScreeningEngine.evaluate(low, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
            // check
            #expect(hits.map(\.kind) == [.incomeBelowLine, .sharpIncomeDrop], "\(labourers) labourers")
            #expect(
                hits.allSatisfy { $0.riskType == (labourers == 0 ? .lackOfLabour : .other) }, "\(labourers) labourers")
        }
    }

    @Test("person-level rules hit once per member")
    func perMember() {
        let facts = Data.with(
            Data.event(.minimumLiving, "2025-01-05", id: Data.spouse, name: "李秀英"),
            Data.event(.minimumLiving, "2025-01-05"), Data.event(.minimumLiving, "2025-02-05")
        )
        let hits = ScreeningEngine.evaluate(facts, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
        #expect(Set(hits.compactMap(\.memberName)) == ["张建国", "李秀英"])
        #expect(hits.first { $0.memberName == "张建国" }?.message == "2025-02-05 新纳入低保（民政局推送）")
    }

    @Test("a margin above the line catches households just over it")
    func lineMargin() {
        let rule = ScreeningRuleVersion(
            kind: .incomeBelowLine, version: 2, parameters: ["lineMarginPercent": 10], effective: .always
        )
        let atRaisedLine = Data.quiet { $0.perCapitaIncome[2024] = Data.yuan("8360") }
        let under = Data.quiet { $0.perCapitaIncome[2024] = Data.yuan("8359.99") }
        #expect(ScreeningEngine.evaluate(atRaisedLine, rules: [rule], on: Data.today).isEmpty)
        let hits = ScreeningEngine.evaluate(under, rules: [rule], on: Data.today)
        #expect(hits.map(\.message) == ["人均纯收入 8,359.99 元，低于监测线 7,600 元上浮 10% 后的 8,360 元"])
    }

    @Test("a version missing its parameter stays silent instead of failing")
    func missingParameter() {
        let rule = ScreeningRuleVersion(
            kind: .hospitalSelfPay, version: 2, parameters: ["windowMonths": 12], effective: .always)
        let facts = Data.with(Data.event(.medicalSelfPay, "2025-03-02", amount: "999999"))
        #expect(ScreeningEngine.evaluate(facts, rules: [rule], on: Data.today).isEmpty)
    }

    @Test("the dry-run summary counts households per village and rule")
    func dryRun() {
        // setup
        let twoPatients = Data.with(
            Data.event(.medicalSelfPay, "2025-03-02", amount: "60000"),
            Data.event(.medicalSelfPay, "2025-03-02", id: Data.spouse, name: "李秀英", amount: "60000")
        )
        let households = [
            twoPatients, Data.quiet { $0.waterSecured = false }, Data.quiet(),
            Data.quiet {
                $0.villageCode = Data.otherVillage; $0.waterSecured = false
            },
        ]
        let hits = households.map {
            (
                villageCode: $0.villageCode,
                hits: ScreeningEngine.evaluate($0, rules: ScreeningRuleSet.seededAllOn, on: Data.today)
            )
        }
        // act
        let summary = DryRunSummary.summarize(hits)
        // check
        let expected: [AreaCode: [ScreeningRuleKind: Int]] = [
            Data.village: [.hospitalSelfPay: 1, .unsafeWater: 1],
            Data.otherVillage: [.unsafeWater: 1],
        ]
        #expect(summary == expected)
    }

    @Test("amounts are shown with thousands separators")
    func amounts() {
        #expect(Money(fen: 5_632_000).groupedYuan == "56,320.00")
        #expect(Money(fen: 5_632_050).spokenYuan == "56,320.50")
        #expect(Money(fen: 123_456_789_00).spokenYuan == "123,456,789")
        #expect(Money(fen: -100_000).groupedYuan == "-1,000.00")
        #expect(Money(fen: 5).groupedYuan == "0.05")
    }
}
