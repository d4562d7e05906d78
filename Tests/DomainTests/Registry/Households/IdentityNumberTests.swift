import Testing
import DemoData
import Domain

@Suite("Identity number")
struct IdentityNumberTests {
    let today = day("2026-11-22")

    private func valid(_ raw: String) throws -> IdentityNumber {
        try IdentityNumber.validate(raw, today: today).get()
    }

    private func error(_ raw: String) -> IdentityNumberError? {
        if case .failure(let error) = IdentityNumber.validate(raw, today: today) { return error }
        return nil
    }

    @Test("a valid number exposes its region, birth date, sequence and sex")
    func parsedFields() throws {
        let man = try valid("512002200105038373")
        #expect(man.regionCode == "512002")
        #expect(man.birthDate == day("2001-05-03"))
        #expect(man.sequence == 837)
        #expect(man.sex == .male)
        #expect(try valid("512021202504080606").sex == .female)
    }

    @Test("the masked form keeps the first and last four characters and is 18 long")
    func masking() throws {
        let number = try valid("51200220010829556X")
        #expect(number.masked == "5120**********556X")
        #expect(number.masked.count == 18)
        #expect("\(number)" == number.masked)
    }

    @Test("age counts full years and changes on the birthday")
    func age() throws {
        let number = try valid("512002200105038373")
        #expect(number.age(on: day("2026-05-02")) == 24)
        #expect(number.age(on: day("2026-05-03")) == 25)
    }

    @Test("errors say in Chinese what is wrong")
    func messages() {
        #expect(error("51200220010503837")?.message == "身份证号码应为18位，实际为17位")
        #expect(error("440305202302296923")?.message == "出生日期 2023-02-29 不存在")
        #expect(error("512002200108295560")?.message == "校验码应为 X，实际为 0")
        #expect(error("512099200105038372")?.message == "地区码 512099 不存在")
        #expect(error("51200220010829556x")?.message == "第18位应为数字或大写X，实际为“x”")
        #expect(error("110101 19410112859")?.message == "第7位应为数字，实际为“空格”")
        #expect(error("512002209901018374")?.message == "出生日期 2099-01-01 晚于今天（2026-11-22）")
    }

    @Test("a birth date of today is accepted and tomorrow is not")
    func birthToday() throws {
        let born = try IdentityNumber.make(region: "512002", birth: today, sequence: 1)
        #expect(throws: Never.self) { try valid(born.value) }
        let unborn = try IdentityNumber.make(region: "512002", birth: today.adding(days: 1), sequence: 1)
        #expect(error(unborn.value) == .birthDateInFuture(birth: today.adding(days: 1), today: today))
    }

    @Test("the generator reproduces a known number and round-trips through validation")
    func generator() throws {
        let known = try IdentityNumber.make(region: "512002", birth: day("2001-05-03"), sequence: 837)
        #expect(known.value == "512002200105038373")

        var random = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let birth = day("1920-01-01").adding(days: Int.random(in: 0..<38_000, using: &random))
            let sequence = Int.random(in: 0...999, using: &random)
            let made = try IdentityNumber.make(region: "341322", birth: birth, sequence: sequence)
            let parsed = try valid(made.value)
            #expect(parsed == made)
            #expect(parsed.birthDate == birth && parsed.sequence == sequence)
        }
    }

    @Test("the generator rejects a malformed region or sequence")
    func generatorInput() {
        #expect(throws: IdentityNumberError.unknownRegion("5120")) {
            try IdentityNumber.make(region: "5120", birth: day("2001-05-03"), sequence: 1)
        }
        #expect(throws: IdentityNumberError.sequenceOutOfRange(1000)) {
            try IdentityNumber.make(region: "512002", birth: day("2001-05-03"), sequence: 1000)
        }
    }

    @Test("the region table knows historical and 2025 codes but not unassigned ones")
    func regionTable() {
        for code in ["512081", "110103", "512002", "220681", "610923", "810000", "830000", "659012", "510185"] {
            #expect(RegionCodeTable.contains(code), "\(code)")
        }
        for code in ["000000", "999999", "512099", "51200", "5120020"] {
            #expect(!RegionCodeTable.contains(code), "\(code)")
        }
        #expect(RegionCodeTable.count > 7_000)
    }
}
