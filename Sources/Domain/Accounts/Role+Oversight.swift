extension Role {
    /// Who reads the audit trail of their area: those who answer for the area's records as a whole.
    public var canReadAuditLog: Bool { may(.readAuditLog) }
}

extension RelationToHead {
    /// Sort position of a stored relation: the head first, then the order of the code list; unknown values last.
    public static func order(_ raw: String) -> Int {
        guard let relation = RelationToHead(rawValue: raw), let index = allCases.firstIndex(of: relation) else {
            return allCases.count
        }
        return allCases.distance(from: allCases.startIndex, to: index)
    }
}

extension Role {
    /// Who loads registry files: the levels that answer for a whole area's registry.
    public var canImportRegistry: Bool { may(.importRegistry) }
}

extension Role {
    /// Who reviews the data-quality findings of their area: the registry's keepers and supervisors.
    public var canReadDataQuality: Bool { may(.readDataQuality) }
}

extension Role {
    /// Who works the risk-lead ledger. Departments send data and receive confirmed lists; unconfirmed leads about
    /// households are not theirs to see.
    public var canReadLeads: Bool { may(.readLeads) }
}
