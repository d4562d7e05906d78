/// 线索办理流程: village check → township recheck → county review (S0: 村级核查、乡镇复核、县级审核). Confirming moves a
/// lead up one level and the county's inclusion passes it to identification. The township and the county may reject
/// a lead with a reason; a village only proposes a rejection, which the township confirms or sends back, so no lead
/// closes at the level that first saw it. Any level may merge a lead into another lead or case. Every lead closes
/// with a recorded cause.
public enum LeadWorkflow {
    /// The state after `action`, or why the action is refused. Closed leads accept nothing.
    public static func apply(
        _ action: LeadAction, to state: LeadState, by role: Role
    ) -> Result<LeadState, LeadWorkflowError> {
        guard let current = state.level else { return .failure(.closed(state)) }
        let level = action.level ?? current
        guard level == current else { return .failure(.wrongStage(action: action.label, state: state)) }
        guard roles(for: level).contains(role) else { return .failure(.roleNotAllowed(role: role, level: level)) }
        guard let next = next(after: action, from: state) else {
            return .failure(.wrongStage(action: action.label, state: state))
        }
        switch action {
        case .villageConfirm(let opinion), .townshipConfirm(let opinion), .countyInclude(let opinion),
            .townshipConfirmRejection(let opinion), .townshipReturnToVillage(let opinion):
            if let error = checkLength(opinion, field: "意见") { return .failure(error) }
        case .villageReject(let reason), .townshipReject(let reason), .countyReject(let reason):
            if let error = checkReason(reason) { return .failure(error) }
        case .mergeInto(let reference, let reason):
            guard !RegistryCell.trimmed(reference).isEmpty else { return .failure(.referenceMissing) }
            if let error = checkReason(reason) { return .failure(error) }
        }
        return .success(next)
    }

    /// The one table of legal steps: the state each action leads to from each open state; nil where it is illegal.
    static func next(after action: LeadAction, from state: LeadState) -> LeadState? {
        switch (state, action) {
        case (.awaitingVillageCheck, .villageConfirm): .awaitingTownshipRecheck
        case (.awaitingVillageCheck, .villageReject): .awaitingTownshipRejectionReview
        case (.awaitingTownshipRecheck, .townshipConfirm): .awaitingCountyReview
        case (.awaitingTownshipRecheck, .townshipReject): .rejected
        case (.awaitingTownshipRejectionReview, .townshipConfirmRejection): .rejected
        case (.awaitingTownshipRejectionReview, .townshipReturnToVillage): .awaitingVillageCheck
        case (.awaitingCountyReview, .countyInclude): .included
        case (.awaitingCountyReview, .countyReject): .rejected
        case (_, .mergeInto) where !state.isTerminal: .merged
        default: nil
        }
    }

    /// The roles that act at `level`; the administrator may stand in at any level.
    public static func roles(for level: LeadLevel) -> Set<Role> {
        switch level {
        case .village: [.village, .admin]
        case .township: [.town, .admin]
        case .county: [.county, .admin]
        }
    }

    private static func checkReason(_ reason: String) -> LeadWorkflowError? {
        guard !RegistryCell.trimmed(reason).isEmpty else { return .reasonMissing }
        return checkLength(reason, field: "理由")
    }

    private static func checkLength(_ text: String, field: String) -> LeadWorkflowError? {
        let count = RegistryCell.trimmed(text).count
        return count > LeadAction.textLimit
            ? .textTooLong(field: field, count: count, limit: LeadAction.textLimit) : nil
    }
}

/// Why a lead action was refused; `message` says it in Chinese.
public enum LeadWorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    case closed(LeadState)
    case wrongStage(action: String, state: LeadState)
    case roleNotAllowed(role: Role, level: LeadLevel)
    case reasonMissing
    case referenceMissing
    case textTooLong(field: String, count: Int, limit: Int)

    public var message: String {
        switch self {
        case .closed(let state):
            "线索已办结（\(state.label)），不能再办理"
        case .wrongStage(let action, let state):
            "线索当前为“\(state.label)”，不能执行“\(action)”"
        case .roleNotAllowed(let role, let level):
            "\(role.label)不能办理\(level.label)环节"
        case .reasonMissing:
            "请填写理由"
        case .referenceMissing:
            "请填写要并入的线索或案件编号"
        case .textTooLong(let field, let count, let limit):
            "\(field)不能超过\(limit)个字，实际为\(count)个字"
        }
    }

    public var description: String { message }
}
