/// 家庭成员信息: one member as the registry records them.
///
/// The identity number is kept as written, with sex and birth date stored beside it, rather than as an
/// `IdentityNumber`: records loaded from older systems can hold numbers that no longer validate, and the data
/// quality check has to be able to see and report them. An import only produces records whose number validated.
public struct MemberRecord: Sendable, Hashable {
    public var name: String
    public var idNumber: String
    public var sex: Sex
    public var birthDate: CivilDate
    public var relation: RelationToHead
    /// 民族, e.g. 汉族, as free text: county templates spell the 56 names in several ways.
    public var ethnicity: String
    public var education: Education
    public var schoolStatus: SchoolStatus?
    public var health: Set<HealthCondition>
    /// 残疾等级 1–4, present exactly when `health` contains `.disability`.
    public var disabilityGrade: Int?
    public var labourCapacity: LabourCapacity
    public var workPlace: String?
    public var workMonths: Int?
    public var medicalInsured: Bool
    public var pensionInsured: Bool
    /// 低保对象
    public var minimumLiving: Bool
    /// 特困人员
    public var extremePoverty: Bool
    /// 公益岗位: holds a public-welfare job (the measure for weak labour).
    public var publicWelfareJob: Bool

    public init(
        name: String, idNumber: String, sex: Sex, birthDate: CivilDate, relation: RelationToHead, ethnicity: String,
        education: Education, schoolStatus: SchoolStatus? = nil, health: Set<HealthCondition>,
        disabilityGrade: Int? = nil, labourCapacity: LabourCapacity, workPlace: String? = nil, workMonths: Int? = nil,
        medicalInsured: Bool, pensionInsured: Bool, minimumLiving: Bool = false, extremePoverty: Bool = false,
        publicWelfareJob: Bool = false
    ) {
        self.name = name
        self.idNumber = idNumber
        self.sex = sex
        self.birthDate = birthDate
        self.relation = relation
        self.ethnicity = ethnicity
        self.education = education
        self.schoolStatus = schoolStatus
        self.health = health
        self.disabilityGrade = disabilityGrade
        self.labourCapacity = labourCapacity
        self.workPlace = workPlace
        self.workMonths = workMonths
        self.medicalInsured = medicalInsured
        self.pensionInsured = pensionInsured
        self.minimumLiving = minimumLiving
        self.extremePoverty = extremePoverty
        self.publicWelfareJob = publicWelfareJob
    }

    /// A record whose sex and birth date come from a validated identity number, as an import makes them.
    public init(
        name: String, identity: IdentityNumber, relation: RelationToHead, ethnicity: String, education: Education,
        schoolStatus: SchoolStatus? = nil, health: Set<HealthCondition>, disabilityGrade: Int? = nil,
        labourCapacity: LabourCapacity, workPlace: String? = nil, workMonths: Int? = nil, medicalInsured: Bool,
        pensionInsured: Bool, minimumLiving: Bool = false, extremePoverty: Bool = false, publicWelfareJob: Bool = false
    ) {
        self.init(
            name: name, idNumber: identity.value, sex: identity.sex, birthDate: identity.birthDate, relation: relation,
            ethnicity: ethnicity, education: education, schoolStatus: schoolStatus, health: health,
            disabilityGrade: disabilityGrade, labourCapacity: labourCapacity, workPlace: workPlace,
            workMonths: workMonths, medicalInsured: medicalInsured, pensionInsured: pensionInsured,
            minimumLiving: minimumLiving, extremePoverty: extremePoverty, publicWelfareJob: publicWelfareJob
        )
    }

    /// Full years of age on `date`, from the recorded birth date.
    public func age(on date: CivilDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birthDate.month, birthDate.day)
        return date.year - birthDate.year - (hadBirthday ? 0 : 1)
    }
}
