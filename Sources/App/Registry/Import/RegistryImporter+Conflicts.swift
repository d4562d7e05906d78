import Domain
import Foundation

extension RegistryImporter {
    /// The checks across rows, on the rows of suspect households and identity numbers only (found by grouping in
    /// SQL), with the domain's messages: households first, then identity numbers.
    static func crossRowProblems(in staging: RegistryStagingStore) async throws -> [ImportProblem] {
        let (households, identities) = try await staging.crossRowSuspects()
        return RegistryBlockCheck.householdProblems(households.map { ($0.sheet_row, $0.cross_key) })
            + RegistryBlockCheck.duplicateIdentityProblems(identities.map { ($0.sheet_row, $0.cross_key) })
    }

    /// The conflicts only the registry shows: a household number registered outside the scope, and a person
    /// registered, not departed, in another household (outside the scope only the fact is told, never where).
    static func registryProblems(in staging: RegistryStagingStore, scope: AccessScope) async throws -> [ImportProblem] {
        let (outside, holders) = try await staging.registryConflicts()
        var problems = outside.map {
            ImportProblem(
                row: $0.first_row, column: .householdNumber, value: $0.household_number, reason: "该户编号已登记在您管辖范围以外的农户")
        }
        var named = Set<Int>()
        for holder in holders where named.insert(holder.sheet_row).inserted {
            let inside = AreaCode(holder.village_code).map(scope.includes) == true
            problems.append(
                ImportProblem(
                    row: holder.sheet_row, column: .idNumber, value: holder.id_number,
                    reason: inside
                        ? "该身份证号已登记在户编号 \(holder.household_number) 的农户中，同一人不能在两户登记"
                        : "该身份证号已在您管辖范围以外登记，同一人不能在两户登记，请与上级核实"))
        }
        return problems
    }
}
