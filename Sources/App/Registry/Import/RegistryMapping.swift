import Domain
import Foundation

/// Translation between the stored registry rows and the domain's registry values.
extension Household {
    var registryFields: HouseholdFields? {
        guard let village = AreaCode(villageCode), let type = HouseholdType(rawValue: householdType) else { return nil }
        return HouseholdFields(
            number: householdNumber, villageCode: village, groupCode: groupCode.flatMap(AreaCode.init),
            gridCode: gridCode.flatMap(AreaCode.init), type: type, alleviatedYear: alleviatedYear, phone: phone,
            address: address, bankAccount: bankAccount
        )
    }

    func apply(_ fields: HouseholdFields) {
        householdNumber = fields.number
        villageCode = fields.villageCode.value
        groupCode = fields.groupCode?.value
        gridCode = fields.gridCode?.value
        householdType = fields.type.rawValue
        alleviatedYear = fields.alleviatedYear
        phone = fields.phone
        address = fields.address
        bankAccount = fields.bankAccount
    }
}

extension Member {
    /// The member as the domain sees it; nil for a stored row whose codes no longer parse (reported by data quality).
    var registryRecord: MemberRecord? {
        StoredMember.record(
            name: name, idNumber: idNumber, sex: sex, birthDate: birthDate, relation: relation, ethnicity: ethnicity,
            education: education, schoolStatus: schoolStatus, health: health, disabilityGrade: disabilityGrade,
            labourCapacity: labourCapacity, workPlace: workPlace, workMonths: workMonths,
            medicalInsured: medicalInsured,
            pensionInsured: pensionInsured, minimumLiving: minimumLiving, extremePoverty: extremePoverty,
            publicWelfareJob: publicWelfareJob
        )
    }

    func apply(_ record: MemberRecord) {
        name = record.name
        idNumber = record.idNumber
        sex = record.sex.rawValue
        birthDate = record.birthDate.description
        relation = record.relation.rawValue
        ethnicity = record.ethnicity
        education = record.education.rawValue
        schoolStatus = record.schoolStatus?.rawValue
        health = HealthCondition.allCases.filter(record.health.contains).map(\.rawValue).joined(separator: ",")
        disabilityGrade = record.disabilityGrade
        labourCapacity = record.labourCapacity.rawValue
        workPlace = record.workPlace
        workMonths = record.workMonths
        medicalInsured = record.medicalInsured
        pensionInsured = record.pensionInsured
        minimumLiving = record.minimumLiving
        extremePoverty = record.extremePoverty
        publicWelfareJob = record.publicWelfareJob
    }

    var auditSnapshot: AuditSnapshot {
        [
            "name": name, "id_number": idNumber, "sex": sex, "birth_date": birthDate, "relation": relation,
            "ethnicity": ethnicity,
            "education": education, "school_status": schoolStatus ?? "", "health": health,
            "disability_grade": disabilityGrade.map(String.init) ?? "", "labour_capacity": labourCapacity,
            "work_place": workPlace ?? "", "work_months": workMonths.map(String.init) ?? "",
            "medical_insured": medicalInsured ? "是" : "否", "pension_insured": pensionInsured ? "是" : "否",
            "minimum_living": minimumLiving ? "是" : "否", "extreme_poverty": extremePoverty ? "是" : "否",
            "public_welfare_job": publicWelfareJob ? "是" : "否",
            "departed_on": departedOn ?? "", "departure_reason": departureReason ?? "",
        ]
    }
}

/// How a member's stored columns become the domain's record, whether they were read as a model or as a plain row.
enum StoredMember {
    static func record(
        name: String, idNumber: String, sex: String, birthDate: String, relation: String, ethnicity: String,
        education: String,
        schoolStatus: String?, health: String, disabilityGrade: Int?, labourCapacity: String, workPlace: String?,
        workMonths: Int?,
        medicalInsured: Bool, pensionInsured: Bool, minimumLiving: Bool, extremePoverty: Bool, publicWelfareJob: Bool
    ) -> MemberRecord? {
        guard let sex = Sex(rawValue: sex), let birth = CivilDate(birthDate),
            let relation = RelationToHead(rawValue: relation),
            let education = Education(rawValue: education), let labour = LabourCapacity(rawValue: labourCapacity)
        else { return nil }
        return MemberRecord(
            name: name, idNumber: idNumber, sex: sex, birthDate: birth, relation: relation, ethnicity: ethnicity,
            education: education, schoolStatus: schoolStatus.flatMap(SchoolStatus.init(rawValue:)),
            health: Set(health.split(separator: ",").compactMap { HealthCondition(rawValue: String($0)) }),
            disabilityGrade: disabilityGrade, labourCapacity: labour, workPlace: workPlace, workMonths: workMonths,
            medicalInsured: medicalInsured, pensionInsured: pensionInsured, minimumLiving: minimumLiving,
            extremePoverty: extremePoverty, publicWelfareJob: publicWelfareJob
        )
    }
}
