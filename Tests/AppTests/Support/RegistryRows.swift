@testable import App
import Domain

/// One registry file row in `RegistryColumn` order: a person of an ordinary household, with the fields every import
/// needs filled and the others empty.
func registryRow(
    household: String, village: String, address: String, name: String, idNumber: String, relation: String
) -> [String] {
    RegistryColumn.allCases.map { column -> String in
        switch column {
        case .householdNumber: household
        case .villageCode: village
        case .householdType: "一般农户"
        case .address: address
        case .name: name
        case .idNumber: idNumber
        case .relation: relation
        case .ethnicity: "汉族"
        case .education: "初中"
        case .health: "健康"
        case .labourCapacity: "普通劳动力"
        case .medicalInsurance: "是"
        default: ""
        }
    }
}
