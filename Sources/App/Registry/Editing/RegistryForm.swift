import Domain
import Foundation
import Vapor

/// The registry edit forms check their input with the same row parser as the import, so a field accepted on a form
/// is accepted in a file and the other way round. Form field names are `RegistryColumn` raw values.
enum RegistryForm {
    /// Household columns edited on the household form.
    static let householdColumns: [RegistryColumn] = [
        .householdType, .alleviatedYear, .phone, .address, .bankAccount, .groupCode, .gridCode,
    ]
    /// Member columns edited on the member form.
    static let memberColumns: [RegistryColumn] = [
        .name, .idNumber, .relation, .ethnicity, .education, .schoolStatus, .health,
        .disabilityGrade, .labourCapacity, .workPlace, .workMonths, .medicalInsurance,
        .pensionInsurance, .minimumLiving, .extremePoverty, .publicWelfareJob,
    ]

    /// Parses a household with edits over a template member (the head, or the member being edited).
    static func parse(
        household: HouseholdFields, member: MemberRecord, edits: [RegistryColumn: String], today: CivilDate
    )
        -> Result<(HouseholdFields, MemberRecord), FieldProblems>
    {
        var cells = RegistryExport.cells(household: household, member: member)
        for (index, column) in RegistryColumn.allCases.enumerated() {
            if let edit = edits[column] { cells[index] = edit }
        }
        guard let header = try? RegistryHeader(cells: RegistryExport.header) else {
            return .failure(FieldProblems(problems: [.init(field: "form", message: "表单无法校验。")]))
        }
        switch RegistryRowParser(header: header, today: today).parse(row: 1, cells: cells) {
        case let .parsed(fields, record):
            return .success((fields, record))
        case let .invalid(problems):
            return .failure(
                FieldProblems(
                    problems: problems.map { problem in
                        FieldProblem(
                            field: RegistryColumn(header: problem.column)?.rawValue ?? problem.column,
                            message: "\(problem.column)：\(problem.reason)")
                    }))
        case .skipped:
            return .failure(FieldProblems(problems: [.init(field: RegistryColumn.name.rawValue, message: "表单是空的。")]))
        }
    }

    /// The submitted values of the given columns, as cells: checkbox groups and yes/no boxes become the file's words.
    static func edits(from request: Request, columns: [RegistryColumn]) -> [RegistryColumn: String] {
        var edits: [RegistryColumn: String] = [:]
        for column in columns {
            switch column {
            case .health:
                edits[column] = request.checkedValues(column.rawValue).compactMap {
                    HealthCondition(rawValue: $0)?.label
                }.joined(separator: "、")
            case .medicalInsurance, .pensionInsurance, .minimumLiving, .extremePoverty, .publicWelfareJob:
                edits[column] = request.formText(column.rawValue) == "on" ? "是" : "否"
            default:
                edits[column] = request.formText(column.rawValue)
            }
        }
        return edits
    }

    /// A blank member for forms that add one: valid placeholders that the submitted cells replace entirely.
    static func placeholderMember(today: CivilDate) -> MemberRecord? {
        guard let birth = CivilDate(year: 1980, month: 1, day: 1),
            let identity = try? IdentityNumber.make(region: "110101", birth: birth, sequence: 1)
        else { return nil }
        return MemberRecord(
            name: "", identity: identity, relation: .other, ethnicity: "汉族", education: .primary,
            health: [.healthy], labourCapacity: .ordinary, medicalInsured: true, pensionInsured: false)
    }
}
