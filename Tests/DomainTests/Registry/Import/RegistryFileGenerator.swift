import DemoData
import Domain

/// Builds consistent registry households for import tests: every rule the import applies holds, so any problem
/// the import reports on them is a bug in the import.
struct RegistryFileGenerator {
    private var random: SeededGenerator
    private var issued: Set<String> = []
    private let today = RegistryTestData.today
    private static let names = ["张建国", "李秀英", "王一", "刘德华", "陈静", "杨帆", "阿依古丽·买买提", "赵", "欧阳明月", "黄小红"]
    private static let places = ["广东省深圳市", "本县", "浙江省宁波市", "成都市"]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Households with `rows` members in all, numbered from 0001 in one village.
    mutating func households(rows: Int) -> [HouseholdDraft] {
        var drafts: [HouseholdDraft] = []
        var made = 0
        while made < rows {
            let size = min(rows - made, Int.random(in: 1...5, using: &random))
            drafts.append(household(serial: drafts.count + 1, size: size, firstRow: made + 2))
            made += size
        }
        return drafts
    }

    /// The file the households would be exported as: header, then one row per member.
    static func rows(_ drafts: [HouseholdDraft]) -> [[String]] {
        drafts.flatMap { draft in draft.members.map { RegistryExport.cells(household: draft.fields, member: $0) } }
    }

    private mutating func household(serial: Int, size: Int, firstRow: Int) -> HouseholdDraft {
        let alleviated = chance(0.4)
        let digits = String(serial)
        let fields = HouseholdFields(
            number: RegistryTestData.village + String(repeating: "0", count: max(0, 6 - digits.count)) + digits,
            villageCode: area(RegistryTestData.village),
            groupCode: chance(0.8) ? AreaCode(RegistryTestData.group) : nil,
            gridCode: chance(0.5) ? AreaCode(RegistryTestData.grid) : nil,
            type: alleviated ? .povertyAlleviated : .ordinary,
            alleviatedYear: alleviated ? Int.random(in: 2013...2020, using: &random) : nil,
            phone: pick([nil, "13912345678", "0832-6543210"]),
            address: "松涛镇石龙村\(serial)号",
            bankAccount: chance(0.7) ? "62170012345678" + digits : nil
        )
        let headAge = Int.random(in: 25...85, using: &random)
        var members = [member(.head, age: headAge)]
        for index in 1..<max(1, size) {
            if index == 1, chance(0.8) {
                members.append(member(.spouse, age: max(20, headAge + Int.random(in: -5...5, using: &random))))
            } else {
                let relation = pick([RelationToHead.son, .daughter, .grandson, .father])
                let age =
                    relation == .father
                    ? min(99, headAge + 25) : Int.random(in: 0...max(0, headAge - 20), using: &random)
                members.append(member(relation, age: age))
            }
        }
        return HouseholdDraft(fields: fields, members: members, rows: Array(firstRow..<(firstRow + members.count)))
    }

    private mutating func member(_ relation: RelationToHead, age: Int) -> MemberRecord {
        let identity = identityNumber(age: age)
        let realAge = identity.age(on: today)
        let school: SchoolStatus? =
            switch realAge {
            case 3...5: .preschool
            case 6...11: .primary
            case 12...14: .juniorHigh
            case 15...17: chance(0.7) ? .seniorHigh : nil
            case 18...21: chance(0.4) ? .bachelor : nil
            default: nil
            }
        let disabled = realAge >= 16 && chance(0.1)
        let health: Set<HealthCondition> =
            disabled ? [.disability, .chronicIllness] : chance(0.2) ? [.chronicIllness] : [.healthy]
        let labour: LabourCapacity =
            realAge < 16 || school != nil
            ? .none
            : disabled ? .weakOrHalf : realAge >= 60 ? .weakOrHalf : pick([.ordinary, .skilled])
        let works = labour.isCapable && chance(0.7)
        return MemberRecord(
            name: pick(Self.names), identity: identity, relation: relation,
            ethnicity: chance(0.9) ? "汉族" : "维吾尔族",
            education: realAge < 6
                ? .illiterate : realAge < 12 ? .primary : pick([.juniorHigh, .seniorHigh, .college]),
            schoolStatus: school, health: health,
            disabilityGrade: disabled ? Int.random(in: 1...4, using: &random) : nil,
            labourCapacity: labour, workPlace: works ? pick(Self.places) : nil,
            workMonths: works ? Int.random(in: 0...12, using: &random) : nil,
            medicalInsured: chance(0.95), pensionInsured: realAge >= 16 && chance(0.8),
            minimumLiving: chance(0.05), extremePoverty: chance(0.02)
        )
    }

    /// A unique, valid number for someone `age` years old today.
    private mutating func identityNumber(age: Int) -> IdentityNumber {
        while true {
            let birth = today.adding(days: -(age * 365 + Int.random(in: 0...300, using: &random)))
            let sequence = Int.random(in: 0...999, using: &random)
            if let number = try? IdentityNumber.make(region: "512002", birth: birth, sequence: sequence),
                issued.insert(number.value).inserted
            {
                return number
            }
        }
    }
}

extension RegistryFileGenerator {
    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
}

func area(_ text: String) -> AreaCode {
    guard let code = AreaCode(text) else { preconditionFailure("bad test area code \(text)") }
    return code
}
