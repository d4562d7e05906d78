import Domain

/// The code-list values stored as text, read back typed: nil only for a stored value that is no longer on the list,
/// so callers never round-trip through `rawValue` themselves.
extension RiskLead {
    var leadState: LeadState? { LeadState(rawValue: state) }
    var risk: RiskType? { RiskType(rawValue: riskType) }
    var leadChannel: LeadChannel? { LeadChannel(rawValue: channel) }
}

extension Area {
    var areaLevel: AreaLevel? { AreaLevel(rawValue: level) }
}

extension Household {
    var type: HouseholdType? { HouseholdType(rawValue: householdType) }
    var status: HouseholdMonitoringStatus? { HouseholdMonitoringStatus(rawValue: monitoringStatus) }
}

extension ScreeningRuleRecord {
    var ruleKind: ScreeningRuleKind? { ScreeningRuleKind(rawValue: kind) }
}

extension DepartmentBatch {
    var eventKind: DepartmentEventKind? { DepartmentEventKind(rawValue: kind) }
}

extension Member {
    var relationToHead: RelationToHead? { RelationToHead(rawValue: relation) }
    var sexValue: Sex? { Sex(rawValue: sex) }
    var labour: LabourCapacity? { LabourCapacity(rawValue: labourCapacity) }
    var educationLevel: Education? { Education(rawValue: education) }
}
