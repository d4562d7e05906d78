import Domain
import Foundation

extension LeadAction {
    /// The action a web form or API call names (`confirm`, `reject`, `merge`, and at a village's proposed rejection
    /// `confirmRejection` or `returnToVillage`), taken at the lead's current level.
    init(command: String, at lead: RiskLead, text rawText: String, reference: String) throws {
        let text = rawText.trimmingCharacters(in: .whitespacesAndNewlines)
        let level = lead.leadState?.level
        switch (command, level) {
        case ("", _): throw ValidationFailure(problems: [.init(field: "action", message: "请选择办理结果。")])
        case ("confirmRejection", _): self = .townshipConfirmRejection(opinion: text)
        case ("returnToVillage", _): self = .townshipReturnToVillage(opinion: text)
        case ("confirm", .village?): self = .villageConfirm(opinion: text)
        case ("confirm", .township?): self = .townshipConfirm(opinion: text)
        case ("confirm", _): self = .countyInclude(opinion: text)
        case ("reject", .village?): self = .villageReject(reason: text)
        case ("reject", .township?): self = .townshipReject(reason: text)
        case ("reject", _): self = .countyReject(reason: text)
        case ("merge", _): self = .mergeInto(leadOrCaseReference: reference, reason: text)
        default:
            throw ValidationFailure(problems: [
                .init(
                    field: "action",
                    message: "办理操作应为 confirm（属实/纳入）、reject（排除）、merge（并入）、confirmRejection（确认排除）或 returnToVillage（退回村级）。"
                )
            ])
        }
    }

    /// The opinion or reason the actor wrote.
    var text: String {
        switch self {
        case let .villageConfirm(opinion), let .townshipConfirm(opinion), let .countyInclude(opinion),
            let .townshipConfirmRejection(opinion), let .townshipReturnToVillage(opinion):
            opinion
        case let .villageReject(reason), let .townshipReject(reason), let .countyReject(reason): reason
        case let .mergeInto(_, reason): reason
        }
    }
}
